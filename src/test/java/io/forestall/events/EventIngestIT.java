package io.forestall.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.customers.CustomerService;
import io.forestall.kernel.Caller;
import io.forestall.kernel.Role;
import io.forestall.platform.persistence.Database;
import io.forestall.tenants.HousekeepingService;
import io.forestall.tenants.TenantService;
import io.forestall.tenants.TenantSettings;
import io.forestall.testsupport.Api;
import io.forestall.testsupport.Api.Answer;
import io.forestall.testsupport.As;
import io.forestall.testsupport.Deployments;
import io.forestall.testsupport.Webhooks;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Events in through the API and signed webhooks, in the server: stored once, idempotent under
 * races, fenced per tenant by key and signature.
 */
@ExtendWith(ArquillianExtension.class)
class EventIngestIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.forestall(EventIngestIT.class, IngestFixture.class);
  }

  @Inject Database database;
  @Inject CustomerService customers;
  @Inject EventService events;
  @Inject TenantService tenants;

  private static String id() {
    return "ev-" + UUID.randomUUID();
  }

  @Test
  void singleAndBatchedEventsAreStoredOnceAndUnknownCustomersCreated() throws Exception {
    String key = Api.key("acme-admin", "INGEST");
    String first = id();
    String newCustomer = "NEW-" + UUID.randomUUID();
    Answer single =
        Api.post("/api/v1/events", key, IngestFixture.event(first, "ACME-1001", "bill.issued"));
    assertEquals(202, single.status(), single.body());
    assertEquals(1, single.json().getInt("accepted"));

    String second = id();
    Answer batch =
        Api.post(
            "/api/v1/events",
            key,
            "{\"events\":["
                + IngestFixture.event(first, "ACME-1001", "bill.issued")
                + ","
                + IngestFixture.event(second, newCustomer, "usage.daily")
                + ","
                + IngestFixture.event(second, newCustomer, "usage.daily")
                + "]}");
    assertEquals(202, batch.status(), batch.body());
    assertEquals(1, batch.json().getInt("accepted"));
    assertEquals(2, batch.json().getInt("duplicates"));

    long acme = As.tenant("acme").id();
    assertEquals(1, rows(acme, first));
    assertEquals(1, rows(acme, second));
    assertTrue(
        As.user("acme", Role.VIEWER, () -> customers.findByExternalId(newCustomer).isPresent()));
  }

  @Test
  void racingDeliveriesOfOneEventStoreItOnce() throws Exception {
    String key = Api.key("acme-admin", "INGEST");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 5; round++) {
        String event = IngestFixture.event(id(), "RACE-" + UUID.randomUUID(), "ticket.created");
        List<Callable<Answer>> senders = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          senders.add(() -> Api.post("/api/v1/events", key, event));
        }
        int accepted = 0;
        for (Future<Answer> answer : pool.invokeAll(senders)) {
          assertEquals(202, answer.get().status(), answer.get().body());
          accepted += answer.get().json().getInt("accepted");
        }
        assertEquals(1, accepted, "exactly one request stores the event");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentSingleEventsOfTwoTenantsLandEachInItsOwn() throws Exception {
    String acme = Api.key("acme-admin", "INGEST");
    String globex = Api.key("globex-admin", "INGEST");
    String run = UUID.randomUUID().toString().substring(0, 8);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Answer>> senders = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        String tenant = i % 2 == 0 ? "acme" : "globex";
        String body = IngestFixture.event(id(), "GRP-" + tenant + "-" + run, "group.test");
        String key = i % 2 == 0 ? acme : globex;
        senders.add(() -> Api.post("/api/v1/events", key, body));
      }
      for (Future<Answer> answer : pool.invokeAll(senders)) {
        assertEquals(202, answer.get().status(), answer.get().body());
        assertEquals(1, answer.get().json().getInt("accepted"), answer.get().body());
      }
    } finally {
      pool.shutdownNow();
    }
    String reader = Api.key("acme-admin", "FULL");
    assertEquals(
        16, Api.get("/api/v1/events?customer=GRP-acme-" + run, reader).json().getInt("total"));
    assertEquals(
        404, Api.get("/api/v1/customers/GRP-globex-" + run, reader).status(), "globex's customer");
    assertEquals(16, eventsOf(As.tenant("globex").id(), "GRP-globex-" + run));
    assertEquals(0, eventsOf(As.tenant("acme").id(), "GRP-globex-" + run));
  }

  @Test
  void aKeyWritesAndReadsOnlyItsOwnTenant() throws Exception {
    String acmeKey = Api.key("acme-admin", "FULL");
    String event = id();
    assertEquals(
        202,
        Api.post("/api/v1/events", acmeKey, IngestFixture.event(event, "GX-FF-20001", "x.y"))
            .status());
    // The key fixes the tenant: the event landed in acme (under a new acme customer), not in
    // globex.
    assertEquals(1, rows(As.tenant("acme").id(), event));
    assertEquals(0, rows(As.tenant("globex").id(), event));
    assertEquals(404, Api.get("/api/v1/customers/GX-FF-20002", acmeKey).status());
    assertTrue(
        As.user(
            "globex",
            Role.VIEWER,
            () ->
                events.find(new EventQuery(null, null, null, null, 0, 500)).stream()
                    .noneMatch(e -> e.getEvent().getEventId().equals(event))));

    String ingestOnly = Api.key("acme-admin", "INGEST");
    assertEquals(403, Api.get("/api/v1/customers", ingestOnly).status());
    assertEquals(403, Api.get("/api/v1/api-keys", acmeKey).status(), "keys do not manage keys");
  }

  @Test
  void aRevokedKeyIsRefusedAtOnce() {
    String admin = Api.token("acme-admin");
    var created = IngestFixture.createKey(admin, "INGEST");
    String key = created.getString("key");
    assertEquals(
        202,
        Api.post("/api/v1/events", key, IngestFixture.event(id(), "ACME-1001", "a.b")).status());
    assertEquals(204, Api.delete("/api/v1/api-keys/" + created.getInt("id"), admin).status());
    String event = id();
    Answer refused =
        Api.post("/api/v1/events", key, IngestFixture.event(event, "ACME-1001", "a.b"));
    assertEquals(401, refused.status());
    assertEquals(
        404,
        Api.delete("/api/v1/api-keys/" + created.getInt("id"), Api.token("globex-admin")).status());
  }

  @Test
  void signedWebhooksAreIdempotentRotatableAndBoundToTheirTenant() throws Exception {
    String oldSecret = IngestFixture.secret("acme-admin");
    String newSecret = IngestFixture.secret("acme-admin");
    String event = id();
    String body = IngestFixture.event(event, "ACME-1003", "flight.cancelled");
    String delivery = "msg_" + UUID.randomUUID();

    Answer first = Webhooks.deliver("acme", oldSecret, delivery, body);
    assertEquals(202, first.status(), first.body());
    assertEquals(1, first.json().getInt("accepted"));
    Answer again = Webhooks.deliver("acme", newSecret, delivery, body);
    assertEquals(202, again.status());
    assertEquals(0, again.json().getInt("accepted"), "a redelivered webhook-id changes nothing");
    assertEquals(1, rows(As.tenant("acme").id(), event));

    Answer elsewhere = Webhooks.deliver("globex", newSecret, "msg_" + UUID.randomUUID(), body);
    assertEquals(401, elsewhere.status(), "acme's secret does not sign for globex");

    String admin = Api.token("acme-admin");
    var secrets = Api.get("/api/v1/inbound-secrets", admin).json().getJsonArray("items");
    int oldId =
        secrets.stream()
            .map(v -> v.asJsonObject())
            .filter(s -> oldSecret.startsWith(s.getString("prefix")))
            .findFirst()
            .orElseThrow()
            .getInt("id");
    assertEquals(204, Api.delete("/api/v1/inbound-secrets/" + oldId, admin).status());
    String later = IngestFixture.event(id(), "ACME-1003", "flight.cancelled");
    assertEquals(
        401, Webhooks.deliver("acme", oldSecret, "msg_" + UUID.randomUUID(), later).status());
    assertEquals(
        202, Webhooks.deliver("acme", newSecret, "msg_" + UUID.randomUUID(), later).status());
  }

  @Test
  void aTenantOverItsRateLimitGets429WithRetryAfter() {
    long globex = As.tenant("globex").id();
    String key = Api.key("globex-admin", "INGEST");
    As.person(
        Role.PLATFORM_ADMIN,
        () -> {
          tenants.limitIngest(globex, 1);
          return null;
        });
    try {
      boolean limited = false;
      for (int i = 0; i < 10 && !limited; i++) {
        Answer answer =
            Api.post("/api/v1/events", key, IngestFixture.event(id(), "GX-FF-20001", "a.b"));
        if (answer.status() == 429) {
          limited = true;
          assertTrue(answer.contentType().startsWith("application/problem+json"));
        } else {
          assertEquals(202, answer.status(), answer.body());
        }
      }
      assertTrue(limited, "a tenant limited to 1 request/s is refused within 10 quick requests");
    } finally {
      As.person(
          Role.PLATFORM_ADMIN,
          () -> {
            tenants.limitIngest(globex, 200);
            return null;
          });
    }
  }

  @Test
  void rejectedRequestsAreLoggedForTheTenant() throws InterruptedException {
    String key = Api.key("acme-admin", "INGEST");
    var before = As.user("acme", Role.TENANT_ADMIN, () -> errorsLatest());
    // The log keeps at most one rejection a second per tenant and door: this one comes a second
    // after any other.
    Thread.sleep(1100);
    Answer bad = Api.post("/api/v1/events", key, "{\"id\":\"x\"}");
    assertEquals(400, bad.status());
    var latest = As.user("acme", Role.TENANT_ADMIN, () -> errorsLatest());
    assertFalse(latest.isEmpty());
    assertTrue(
        before.isEmpty() || latest.get(0).occurredAt().isAfter(before.get(0).occurredAt()),
        "this rejection is logged: " + latest);
    assertEquals(400, latest.get(0).status());
    assertTrue(
        As.user("globex", Role.TENANT_ADMIN, () -> errorsLatest()).stream()
            .noneMatch(
                e ->
                    e.problem().equals(latest.get(0).problem())
                        && e.occurredAt().equals(latest.get(0).occurredAt())));
  }

  @Test
  void eventsAreReadBackThroughTheApiByTheirTenantOnly() {
    String key = Api.key("acme-admin", "INGEST");
    String customer = "READ-" + UUID.randomUUID();
    String event = id();
    assertEquals(
        202,
        Api.post("/api/v1/events", key, IngestFixture.event(event, customer, "bill.issued"))
            .status());

    String viewer = Api.token("acme-viewer");
    Answer mine = Api.get("/api/v1/customers/" + customer + "/events", viewer);
    assertEquals(200, mine.status(), mine.body());
    assertEquals(event, mine.json().getJsonArray("items").getJsonObject(0).getString("id"));
    Answer filtered =
        Api.get(
            "/api/v1/events?type=bill.issued&customer="
                + customer
                + "&from="
                + Instant.now().minus(Duration.ofDays(2)),
            viewer);
    assertEquals(1, filtered.json().getInt("total"));
    assertEquals(400, Api.get("/api/v1/events?from=yesterday", viewer).status());
    assertEquals(403, Api.get("/api/v1/events", key).status(), "ingest keys do not read");

    String globex = Api.token("globex-admin");
    assertEquals(
        0, Api.get("/api/v1/customers/" + customer + "/events", globex).json().getInt("total"));
    assertEquals(0, Api.get("/api/v1/events?customer=" + customer, globex).json().getInt("total"));
  }

  @Test
  @Tag("security")
  void bodiesNestedTooDeepAreRefusedWith400() {
    String deep = "{\"events\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
    Answer api = Api.post("/api/v1/events", Api.key("acme-admin", "INGEST"), deep);
    assertEquals(400, api.status(), api.body());
    assertTrue(api.body().contains("levels deep"), api.body());
    Answer webhook =
        Webhooks.deliver("acme", IngestFixture.secret("acme-admin"), "deep-" + id(), deep);
    assertEquals(400, webhook.status(), webhook.body());
    assertTrue(webhook.contentType().startsWith("application/problem+json"), webhook.contentType());
  }

  @Test
  @Tag("security")
  void failedSignaturesAreCappedAndThrottledBeforeTheBodyIsRead() {
    String secret = IngestFixture.secret("brightwheel-admin");
    String body = IngestFixture.event(id(), "BW-3001", "page.viewed");
    long now = System.currentTimeMillis() / 1000;
    String flood = "v1,AAAA ".repeat(200);
    Answer tooLong = Webhooks.send("brightwheel", "f-" + id(), Long.toString(now), flood, body);
    assertEquals(400, tooLong.status(), tooLong.body());
    assertTrue(tooLong.body().contains("webhook-signature is longer"), tooLong.body());

    String wrong = Webhooks.sign(secret, "other", now, body);
    Answer answer = null;
    for (int i = 0; i < 100 && (answer == null || answer.status() == 401); i++) {
      answer = Webhooks.send("brightwheel", "f-" + id(), Long.toString(now), wrong, body);
    }
    assertEquals(429, answer.status(), answer.body());
    Answer signed = Webhooks.deliver("brightwheel", secret, "f-" + id(), body);
    assertEquals(429, signed.status(), "this address is turned away before verification");
    assertTrue(signed.body().contains("retry after"), signed.body());
    String acme = IngestFixture.secret("acme-admin");
    assertEquals(
        202,
        Webhooks.deliver("acme", acme, "f-" + id(), IngestFixture.event(id(), "ACME-1001", "x.y"))
            .status(),
        "another tenant's deliveries from the same address go on");
  }

  @Test
  void anotherTenantsScreensShowNoneOfTheEvents() {
    String key = Api.key("acme-admin", "INGEST");
    String event = id();
    assertEquals(
        202,
        Api.post("/api/v1/events", key, IngestFixture.event(event, "ACME-1004", "usage.daily"))
            .status());
    String acme = Api.token("acme-agent");
    String globex = Api.token("globex-agent");
    assertTrue(Api.get("/events/timeline.xhtml?customer=ACME-1004", acme).body().contains(event));
    Answer timeline = Api.get("/events/timeline.xhtml?customer=ACME-1004", globex);
    assertEquals(200, timeline.status());
    assertFalse(timeline.body().contains(event));
    assertFalse(Api.get("/events/explorer.xhtml", globex).body().contains(event));
    assertEquals(
        403, Api.get("/events/overview.xhtml", globex).status(), "the overview is for admins");
  }

  @Test
  void theNightlyHousekeepingDeletesEventsPastTheTenantsRetention() throws Exception {
    String key = Api.key("globex-admin", "INGEST");
    String old = id();
    String recent = id();
    String body =
        "{\"events\":["
            + IngestFixture.event(
                old, "GX-FF-20003", "usage.daily", Instant.now().minus(Duration.ofDays(30)))
            + ","
            + IngestFixture.event(recent, "GX-FF-20003", "usage.daily")
            + "]}";
    assertEquals(202, Api.post("/api/v1/events", key, body).status());
    long globex = As.tenant("globex").id();
    setRetention("globex", 7);
    try {
      Caller.runAs(Caller.SYSTEM, () -> housekeeping.run("test"));
    } finally {
      setRetention("globex", 400);
    }
    assertEquals(0, rows(globex, old), "30 days old, past a 7-day retention");
    assertEquals(1, rows(globex, recent));
    if (database.vendor() == Database.Vendor.POSTGRESQL) {
      try (Connection c = database.unmanaged().getConnection();
          PreparedStatement s =
              c.prepareStatement(
                  "select count(*) from pg_inherits i join pg_class p on p.oid = i.inhparent"
                      + " where p.relname = 'customer_event'")) {
        try (ResultSet r = s.executeQuery()) {
          r.next();
          assertTrue(r.getLong(1) >= 4, "a default and this and the next two months' partitions");
        }
      }
    }
  }

  private void setRetention(String slug, int days) {
    As.user(
        slug,
        Role.TENANT_ADMIN,
        () -> {
          var t = tenants.current();
          tenants.configure(
              new TenantSettings(t.getName(), t.getTimeZone(), t.getLocale(), t.getTheme(), days));
        });
  }

  @Inject HousekeepingService housekeeping;

  @Inject IngestErrors ingestErrors;

  private List<IngestErrors.Entry> errorsLatest() {
    return ingestErrors.latest(5);
  }

  private long eventsOf(long tenantId, String customer) throws Exception {
    try (Connection c = database.unmanaged().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select count(*) from customer_event e join customer cu on cu.id = e.customer_id"
                    + " where e.tenant_id = ? and cu.external_id = ?")) {
      s.setLong(1, tenantId);
      s.setString(2, customer);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private long rows(long tenantId, String eventId) throws Exception {
    try (Connection c = database.unmanaged().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select count(*) from customer_event where tenant_id = ? and event_id = ?")) {
      s.setLong(1, tenantId);
      s.setString(2, eventId);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }
}
