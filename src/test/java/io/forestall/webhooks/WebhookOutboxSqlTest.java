package io.forestall.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.kernel.IntegrationEvent;
import io.forestall.platform.persistence.Database;
import io.forestall.testsupport.SqlDatabase;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The outbox's SQL on a migrated database: an event queues one delivery per enabled subscription of
 * its tenant and type, and claims lease due deliveries until the lease runs out.
 */
class WebhookOutboxSqlTest {

  private static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");

  private Connection db;
  private DeliveryQueue queue;
  private DeliveryClaims claims;
  private long acme;
  private long globex;

  @BeforeEach
  void open() throws SQLException {
    db = SqlDatabase.fresh();
    String url = db.getMetaData().getURL();
    String user = db.getMetaData().getUserName();
    DataSource source =
        (DataSource)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("getConnection")) {
                    return DriverManager.getConnection(url, user, "");
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    Database database =
        new Database() {
          @Override
          public DataSource managed() {
            return source;
          }

          @Override
          public synchronized Vendor vendor() {
            return SqlDatabase.postgres() ? Vendor.POSTGRESQL : Vendor.H2;
          }
        };
    queue = new DeliveryQueue();
    queue.database = database;
    queue.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    claims = new DeliveryClaims();
    claims.database = database;
    acme = tenant("acme");
    globex = tenant("globex");
  }

  @AfterEach
  void close() throws SQLException {
    db.close();
  }

  @Test
  void anEventQueuesOneDeliveryPerEnabledSubscriptionOfItsTenantAndType() throws SQLException {
    long wanted = subscription(acme, true, "case.detected", "case.resolved");
    subscription(acme, false, "case.detected");
    subscription(acme, true, "case.resolved");
    subscription(globex, true, "case.detected");

    IntegrationEvent event = detected(acme, 42);
    queue.queue(event);
    queue.queue(detected(acme, 43));

    List<Object[]> rows =
        rows(
            "select subscription_id, webhook_id, payload, state, subject from webhook_outbox"
                + " order by id");
    assertEquals(2, rows.size());
    assertEquals(wanted, ((Number) rows.get(0)[0]).longValue());
    assertTrue(((String) rows.get(0)[1]).startsWith("msg_"), (String) rows.get(0)[1]);
    assertNotEquals(rows.get(0)[1], rows.get(1)[1], "a webhook-id per delivery");
    assertEquals(DeliveryQueue.payload(event), rows.get(0)[2]);
    assertEquals("PENDING", rows.get(0)[3]);
    assertEquals("case_42", rows.get(0)[4]);
  }

  @Test
  @Tag("security")
  void aTenantWithALongQueueLeavesRoomForTheOthers() throws SQLException {
    subscription(acme, true, "case.detected");
    subscription(globex, true, "case.detected");
    for (int i = 0; i < 10; i++) {
      queue.queue(detected(acme, i));
    }
    queue.queue(detected(globex, 99));

    List<DeliveryClaims.Claimed> first = claims.claim(4, 2, Map.of(), NOW.plusSeconds(1));
    assertEquals(
        List.of(acme, acme, globex),
        first.stream().map(DeliveryClaims.Claimed::tenantId).sorted().toList(),
        "two of acme's, and globex's one behind them");
    assertEquals(
        List.of(),
        claims.claim(4, 2, Map.of(acme, 2), NOW.plusSeconds(2)),
        "acme's share is in flight; globex has nothing more");
    assertEquals(
        List.of(acme),
        claims.claim(4, 2, Map.of(acme, 1), NOW.plusSeconds(3)).stream()
            .map(DeliveryClaims.Claimed::tenantId)
            .toList());
  }

  @Test
  void claimsLeaseDueDeliveriesUntilTheLeaseRunsOut() throws SQLException {
    long on = subscription(acme, true, "case.detected");
    queue.queue(detected(acme, 1));
    queue.queue(detected(acme, 2));

    List<DeliveryClaims.Claimed> first = claims.claim(10, 10, Map.of(), NOW);
    assertEquals(2, first.size());
    assertEquals("https://acme.example/" + on, first.get(0).url());
    assertEquals(1, first.get(0).attempt());
    assertEquals("acme", first.get(0).tenantSlug());
    assertEquals(0, claims.claim(10, 10, Map.of(), NOW.plusSeconds(1)).size(), "leased");

    List<DeliveryClaims.Claimed> taken =
        claims.claim(10, 10, Map.of(), NOW.plus(DeliveryClaims.LEASE).plusSeconds(1));
    assertEquals(2, taken.size(), "a dead dispatcher's lease runs out");
    assertEquals(2, taken.get(0).attempt());

    execute("update webhook_subscription set enabled = false where id = " + on);
    execute("update webhook_outbox set state = 'PENDING'");
    assertEquals(
        0,
        claims.claim(10, 10, Map.of(), NOW.plusSeconds(3600)).size(),
        "disabled: nothing is sent");
  }

  private static IntegrationEvent detected(long tenant, long caseId) {
    return new IntegrationEvent(
        tenant,
        IntegrationEvent.CASE_DETECTED,
        "case_" + caseId,
        Map.of("caseId", caseId, "summary", "bill 182.40"),
        NOW);
  }

  private long tenant(String slug) throws SQLException {
    return insert(
        "insert into tenant (slug, name, time_zone, locale, theme, status, created_at)"
            + " values ('"
            + slug
            + "', '"
            + slug
            + "', 'UTC', 'en', 'saga', 'ACTIVE', current_timestamp)");
  }

  private long subscription(long tenant, boolean enabled, String... types) throws SQLException {
    long id =
        insert(
            "insert into webhook_subscription (tenant_id, url, enabled, secret_enc, secret_prefix,"
                + " created_at, created_by, updated_at) values ("
                + tenant
                + ", 'https://example', "
                + enabled
                + ", 'sealed', 'whsec_abc', current_timestamp, 'test', current_timestamp)");
    execute(
        "update webhook_subscription set url = 'https://acme.example/" + id + "' where id = " + id);
    for (String type : types) {
      execute(
          "insert into webhook_subscription_type (subscription_id, event_type) values ("
              + id
              + ", '"
              + type
              + "')");
    }
    return id;
  }

  private long insert(String sql) throws SQLException {
    try (PreparedStatement s = db.prepareStatement(sql, new String[] {"id"})) {
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  private void execute(String sql) throws SQLException {
    try (PreparedStatement s = db.prepareStatement(sql)) {
      s.executeUpdate();
    }
  }

  private List<Object[]> rows(String sql) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (PreparedStatement s = db.prepareStatement(sql);
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        Object[] row = new Object[r.getMetaData().getColumnCount()];
        for (int i = 0; i < row.length; i++) {
          row[i] = r.getObject(i + 1);
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
