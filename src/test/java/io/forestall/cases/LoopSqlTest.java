package io.forestall.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.testsupport.CaseRows;
import io.forestall.testsupport.SqlDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The closed loop's statements on the database kind of the build: a contact within the window
 * reopens, one outside it or of another type does not, held-out contacts count once, quiet windows
 * verify, every pass is idempotent, and another tenant's cases are never touched.
 */
class LoopSqlTest {

  private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");
  private static final List<String> CONTACTS = List.of("ticket.created", "call.received");

  private Connection db;
  private CaseRows rows;
  private long acme;
  private long globex;
  private long playbook;

  @BeforeEach
  void open() throws SQLException {
    db = SqlDatabase.fresh();
    rows = new CaseRows(db, T0);
    acme = rows.tenant("acme");
    globex = rows.tenant("globex");
    playbook = rows.playbook(acme, "Bill shock");
  }

  @AfterEach
  void close() throws SQLException {
    db.close();
  }

  private long resolved(long tenant, long playbook, long customer, Instant at) throws SQLException {
    long c = rows.caseOf(tenant, playbook, customer, "ALERT", "RESOLVED");
    rows.set(c, "resolved_at", at);
    rows.set(c, "verify_until", at.plus(Duration.ofDays(7)));
    rows.set(c, "root_cause", "Roaming");
    return c;
  }

  private Object column(long caseId, String column) throws SQLException {
    return rows.value("select " + column + " from customer_case where id = ?", caseId);
  }

  private long steps(long caseId, String state) throws SQLException {
    return ((Number)
            rows.value(
                "select count(*) from case_step where case_id = ? and state = ?", caseId, state))
        .longValue();
  }

  @Test
  void aContactWithinTheWindowReopensOnlyThatCase() throws SQLException {
    long back = rows.customer(acme);
    long early = rows.customer(acme);
    long late = rows.customer(acme);
    long other = rows.customer(acme);
    long reopened = resolved(acme, playbook, back, T0);
    long contactBefore = resolved(acme, playbook, early, T0);
    long contactAfter = resolved(acme, playbook, late, T0);
    long otherType = resolved(acme, playbook, other, T0);
    Instant day = T0.plus(Duration.ofDays(1));
    rows.event(acme, back, "ticket.created", day, day);
    rows.event(acme, early, "call.received", T0.minusSeconds(60), day);
    rows.event(acme, late, "ticket.created", T0.plus(Duration.ofDays(8)), day);
    rows.event(acme, other, "bill.issued", day, day);
    long globexPlaybook = rows.playbook(globex, "Flug");
    long globexCustomer = rows.customer(globex);
    long fenced = resolved(globex, globexPlaybook, globexCustomer, T0);
    rows.event(globex, globexCustomer, "ticket.created", day, day);

    Instant now = day.plusSeconds(30);
    List<LoopSql.Reopened> result =
        LoopSql.reopen(db, acme, CONTACTS, T0.minusSeconds(1), now, "Forestall");

    assertEquals(1, result.size());
    assertEquals(reopened, result.get(0).caseId());
    assertEquals(playbook, result.get(0).playbookId());
    assertEquals(1, result.get(0).repeatContacts());
    assertEquals("Roaming", result.get(0).rootCause());
    assertEquals("REOPENED", column(reopened, "state"));
    assertEquals(1, ((Number) column(reopened, "repeat_contacts")).intValue());
    assertNotNull(column(reopened, "reopened_at"));
    assertEquals(1, steps(reopened, "REOPENED"));
    assertTrue(
        rows.value("select note from case_step where case_id = ?", reopened)
            .toString()
            .endsWith("ticket.created"));
    for (long untouched : new long[] {contactBefore, contactAfter, otherType, fenced}) {
      assertEquals("RESOLVED", column(untouched, "state"));
      assertEquals(0, steps(untouched, "REOPENED"));
    }

    assertEquals(
        List.of(), LoopSql.reopen(db, acme, CONTACTS, Instant.EPOCH, now.plusSeconds(1), "x"));
    assertEquals(1, steps(reopened, "REOPENED"));
  }

  @Test
  void onlyEventsReceivedSinceAreLookedAt() throws SQLException {
    long customer = rows.customer(acme);
    long c = resolved(acme, playbook, customer, T0);
    Instant day = T0.plus(Duration.ofDays(1));
    rows.event(acme, customer, "ticket.created", day, day);

    assertEquals(List.of(), LoopSql.reopen(db, acme, CONTACTS, day, day, "Forestall"));
    assertEquals("RESOLVED", column(c, "state"));
    assertEquals(
        1, LoopSql.reopen(db, acme, CONTACTS, day.minusSeconds(60), day, "Forestall").size());
  }

  @Test
  void heldOutContactsAreCountedOnceWithoutMovingTheCase() throws SQLException {
    long customer = rows.customer(acme);
    long held = rows.caseOf(acme, playbook, customer, "ALERT", "HELD_OUT");
    rows.set(held, "verify_until", T0.plus(Duration.ofDays(7)));
    Instant day = T0.plus(Duration.ofDays(1));
    rows.event(acme, customer, "ticket.created", day, day);
    rows.event(acme, customer, "call.received", day.plusSeconds(3600), day.plusSeconds(3600));
    rows.event(acme, customer, "ticket.created", T0.plus(Duration.ofDays(9)), day);
    rows.event(acme, customer, "ticket.created", T0.minusSeconds(1), day);
    Instant now = day.plus(Duration.ofDays(1));

    assertEquals(
        2, LoopSql.countHeldOutContacts(db, acme, CONTACTS, Instant.EPOCH, now, "Forestall"));
    assertEquals("HELD_OUT", column(held, "state"));
    assertEquals(2, ((Number) column(held, "repeat_contacts")).intValue());
    assertEquals(2, steps(held, "HELD_OUT"));

    assertEquals(
        0,
        LoopSql.countHeldOutContacts(
            db, acme, CONTACTS, Instant.EPOCH, now.plusSeconds(1), "Forestall"));
    assertEquals(2, ((Number) column(held, "repeat_contacts")).intValue());
    assertEquals(2, steps(held, "HELD_OUT"));
  }

  @Test
  void aQuietWindowVerifiesOnceItHasPassed() throws SQLException {
    long passed = resolved(acme, playbook, rows.customer(acme), T0);
    long running = resolved(acme, playbook, rows.customer(acme), T0.plus(Duration.ofDays(3)));
    long globexPlaybook = rows.playbook(globex, "Flug");
    long fenced = resolved(globex, globexPlaybook, rows.customer(globex), T0);
    Instant now = T0.plus(Duration.ofDays(7)).plusSeconds(1);

    assertEquals(1, LoopSql.verify(db, acme, now, "Forestall"));
    assertEquals("VERIFIED", column(passed, "state"));
    assertNotNull(column(passed, "verified_at"));
    assertEquals(1, steps(passed, "VERIFIED"));
    assertEquals("RESOLVED", column(running, "state"));
    assertEquals("RESOLVED", column(fenced, "state"));

    assertEquals(0, LoopSql.verify(db, acme, now.plusSeconds(1), "Forestall"));
    assertEquals(1, steps(passed, "VERIFIED"));
  }
}
