package io.forestall.playbooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.kernel.AccessDeniedException;
import io.forestall.kernel.ConflictException;
import io.forestall.kernel.Role;
import io.forestall.platform.persistence.Database;
import io.forestall.testsupport.Api;
import io.forestall.testsupport.Api.Answer;
import io.forestall.testsupport.As;
import io.forestall.testsupport.Deployments;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
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
 * Backtests and scans in the server are for tenant admins and full API keys only, in the service as
 * well as over the API; a tenant runs one backtest at a time across all nodes (a second one is
 * answered 409 while the first holds the tenant's lease row), while another tenant runs its own.
 */
@ExtendWith(ArquillianExtension.class)
class BacktestAccessIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.forestall(BacktestAccessIT.class);
  }

  @Inject Backtests backtests;
  @Inject ScanService scans;
  @Inject PlaybookService playbooks;
  @Inject Database database;

  private static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A new draft EVENT playbook of the key's tenant; answers its id. */
  private static long playbook(String key) {
    String type = unique("audit.backtest_");
    Answer created =
        Api.post(
            "/api/v1/playbooks",
            key,
            "{\"name\":\""
                + unique("Backtest ")
                + "\",\"level\":\"ALERT\",\"schedule\":\"0 0 6 * * ?\",\"cooldown\":\"PT0M\","
                + "\"trigger\":{\"conditions\":[{\"kind\":\"EVENT\",\"eventType\":\""
                + type
                + "\"}]}}");
    assertEquals(201, created.status(), created.body());
    return created.json().getJsonNumber("id").longValue();
  }

  /** Yesterday and the 29 days before, a range that is past in every demo tenant's time zone. */
  private static String range() {
    LocalDate to = LocalDate.now(ZoneId.of("Europe/London")).minusDays(1);
    return "?from=" + to.minusDays(29) + "&to=" + to;
  }

  private static Answer backtest(long id, String token) {
    return Api.post("/api/v1/playbooks/" + id + "/backtest" + range(), token, "");
  }

  @Test
  @Tag("security")
  void onlyAdminsAndFullKeysBacktestAndScan() {
    String full = Api.key("acme-admin", "FULL");
    long id = playbook(full);
    assertEquals(200, Api.post("/api/v1/playbooks/" + id + "/publish", full, "").status());

    Map<String, String> refused =
        Map.of(
            "agent", Api.token("acme-agent"),
            "viewer", Api.token("acme-viewer"),
            "ingest key", Api.key("acme-admin", "INGEST"));
    refused.forEach(
        (who, token) -> {
          for (String action : List.of("backtest" + range(), "scan")) {
            Answer answer = Api.post("/api/v1/playbooks/" + id + "/" + action, token, "");
            assertEquals(403, answer.status(), who + " " + action + ": " + answer.body());
            assertTrue(
                answer.contentType().startsWith("application/problem+json"), answer.contentType());
          }
        });
    assertEquals(200, backtest(id, full).status(), "a full key acts as an admin");
    assertEquals(200, backtest(id, Api.token("acme-admin")).status());
    assertEquals(200, Api.post("/api/v1/playbooks/" + id + "/scan", full, "").status());

    LocalDate to = LocalDate.now(ZoneId.of("Europe/London")).minusDays(1);
    for (String role : List.of(Role.AGENT, Role.VIEWER)) {
      PlaybookDefinition draft = As.user("acme", role, () -> playbooks.draft(playbooks.get(id)));
      assertThrows(
          AccessDeniedException.class,
          () -> As.user("acme", role, () -> backtests.start(draft, to.minusDays(6), to)),
          "the editor's path checks the role in the service too: " + role);
      assertThrows(
          AccessDeniedException.class,
          () -> As.user("acme", role, () -> backtests.run(id, to.minusDays(6), to)));
      assertThrows(
          AccessDeniedException.class,
          () -> As.user("acme", role, () -> scans.scan(id, ScanMode.MANUAL)));
    }
  }

  @Test
  @Tag("security")
  void aSecondBacktestOfATenantIsRefusedWhileAnotherTenantRunsItsOwn() throws Exception {
    String acme = Api.key("acme-admin", "FULL");
    String globex = Api.key("globex-admin", "FULL");
    long ours = playbook(acme);
    long theirs = playbook(globex);
    long tenant = As.tenant("acme").id();
    try {
      // A backtest running on another node holds acme's lease row.
      hold(tenant, Duration.ofMinutes(5));
      Answer refused = backtest(ours, acme);
      assertEquals(409, refused.status(), refused.body());
      assertTrue(
          refused.contentType().startsWith("application/problem+json"), refused.contentType());
      assertTrue(refused.body().contains("already running"), refused.body());
      LocalDate to = LocalDate.now(ZoneId.of("Europe/London")).minusDays(1);
      PlaybookDefinition draft =
          As.user("acme", Role.TENANT_ADMIN, () -> playbooks.draft(playbooks.get(ours)));
      assertThrows(
          ConflictException.class,
          () ->
              As.user("acme", Role.TENANT_ADMIN, () -> backtests.start(draft, to.minusDays(6), to)),
          "the editor is refused too");

      Answer other = backtest(theirs, globex);
      assertEquals(200, other.status(), "another tenant runs its own: " + other.body());

      release(tenant);
      assertEquals(200, backtest(ours, acme).status(), "free again once the first has finished");

      hold(tenant, Duration.ofMinutes(-1));
      assertEquals(200, backtest(ours, acme).status(), "a dead node's expired lease is taken over");
      assertEquals(0, leases(tenant), "and released when the backtest ends");

      ExecutorService pool = Executors.newFixedThreadPool(3);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Answer>> answers = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return backtest(ours, acme);
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Answer> f : answers) {
        Answer a = f.get();
        statuses.add(a.status());
        if (a.status() == 409) {
          assertTrue(a.contentType().startsWith("application/problem+json"), a.contentType());
        }
      }
      pool.shutdown();
      assertTrue(List.of(200, 409).containsAll(statuses), statuses.toString());
      assertTrue(statuses.contains(200), statuses.toString());
      assertEquals(0, leases(tenant), "every backtest gives its lease back");
    } finally {
      release(tenant);
    }
  }

  /** Writes the tenant's lease row as another node's backtest would, expiring after {@code ttl}. */
  private void hold(long tenant, Duration ttl) throws SQLException {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (Connection c = database.unmanaged().getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "insert into backtest_lease (tenant_id, holder, started_by, node, started_at,"
                    + " expires_at) values (?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, tenant);
      insert.setString(2, UUID.randomUUID().toString());
      insert.setString(3, "Another admin");
      insert.setString(4, "node-b");
      insert.setObject(5, now);
      insert.setObject(6, now.plus(ttl));
      insert.executeUpdate();
      commit(c);
    }
  }

  private void release(long tenant) throws SQLException {
    try (Connection c = database.unmanaged().getConnection();
        PreparedStatement delete =
            c.prepareStatement("delete from backtest_lease where tenant_id = ?")) {
      delete.setLong(1, tenant);
      delete.executeUpdate();
      commit(c);
    }
  }

  /** The non-JTA datasource may hand out connections without auto-commit. */
  private static void commit(Connection c) throws SQLException {
    if (!c.getAutoCommit()) {
      c.commit();
    }
  }

  private long leases(long tenant) throws SQLException {
    try (Connection c = database.unmanaged().getConnection();
        PreparedStatement count =
            c.prepareStatement("select count(*) from backtest_lease where tenant_id = ?")) {
      count.setLong(1, tenant);
      try (ResultSet r = count.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }
}
