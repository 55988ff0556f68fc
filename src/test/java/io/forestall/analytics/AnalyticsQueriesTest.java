package io.forestall.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.forestall.testsupport.CaseRows;
import io.forestall.testsupport.SqlDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The analytics' aggregate SQL against known cases, on the database kind of the build: the funnel
 * stages, the repeat-contact groups, the pyramid and the board's ranking by failure demand, each
 * fenced to its tenant.
 */
class AnalyticsQueriesTest {

  private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");

  private Connection db;
  private CaseRows rows;
  private long acme;
  private long globex;

  @BeforeEach
  void open() throws SQLException {
    db = SqlDatabase.fresh();
    rows = new CaseRows(db, T0);
    acme = rows.tenant("acme");
    globex = rows.tenant("globex");
  }

  @AfterEach
  void close() throws SQLException {
    db.close();
  }

  private long caseIn(long tenant, long playbook, String state) throws SQLException {
    return rows.caseOf(tenant, playbook, rows.customer(tenant), "ALERT", state);
  }

  @Test
  void theFunnelCountsEachStageReachedAndTheHoldoutApart() throws SQLException {
    long playbook = rows.playbook(acme, "Bill shock");
    caseIn(acme, playbook, "DETECTED");
    caseIn(acme, playbook, "CONTACTED");
    long responded = caseIn(acme, playbook, "RESPONDED");
    rows.set(responded, "responded_at", T0);
    long resolved = caseIn(acme, playbook, "RESOLVED");
    rows.set(resolved, "responded_at", T0);
    rows.set(resolved, "resolved_at", T0);
    long verified = caseIn(acme, playbook, "VERIFIED");
    rows.set(verified, "resolved_at", T0);
    rows.message(acme, verified, 1, "SENT");
    long reopened = caseIn(acme, playbook, "REOPENED");
    rows.set(reopened, "responded_at", T0);
    rows.set(reopened, "resolved_at", T0);
    rows.set(reopened, "reopened_at", T0);
    rows.set(reopened, "repeat_contacts", 1);
    long skipped = caseIn(acme, playbook, "DETECTED");
    rows.message(acme, skipped, 1, "SKIPPED");
    long heldBack = caseIn(acme, playbook, "HELD_OUT");
    rows.set(heldBack, "repeat_contacts", 2);
    caseIn(acme, playbook, "HELD_OUT");
    caseIn(acme, rows.playbook(acme, "Other"), "RESOLVED");

    Funnel funnel = AnalyticsQueries.funnel(db, acme, playbook);
    assertEquals(new Funnel(playbook, 7, 5, 3, 3, 1, 1, 2), funnel);
    assertEquals(
        new RepeatContactRates(5, 1, 2, 1), AnalyticsQueries.repeatContacts(db, acme, playbook));
    assertEquals(
        new Funnel(playbook, 0, 0, 0, 0, 0, 0, 0), AnalyticsQueries.funnel(db, globex, playbook));
    assertEquals(Map.of("ALERT", 10L), AnalyticsQueries.levels(db, acme));
    assertEquals(Map.of(), AnalyticsQueries.levels(db, globex));
    assertEquals("Bill shock", AnalyticsQueries.playbookName(db, acme, playbook).orElseThrow());
    assertEquals(true, AnalyticsQueries.playbookName(db, globex, playbook).isEmpty());
    List<PlaybookSummary> summaries = AnalyticsQueries.playbooks(db, acme);
    assertEquals(
        List.of("Bill shock", "Other"), summaries.stream().map(PlaybookSummary::name).toList());
    assertEquals(new PlaybookSummary(playbook, "Bill shock", 9, 3, 1, 3), summaries.get(0));
  }

  @Test
  void theBoardRanksRootCausesByFailureDemand() throws SQLException {
    long playbook = rows.playbook(acme, "Complaints");
    for (int i = 0; i < 2; i++) {
      long c = caseIn(acme, playbook, "REOPENED");
      rows.set(c, "root_cause", "Roaming not explained");
      rows.set(c, "repeat_contacts", 1);
    }
    for (int i = 0; i < 3; i++) {
      long c = caseIn(acme, playbook, i == 0 ? "REOPENED" : "VERIFIED");
      rows.set(c, "root_cause", "Handset out of stock");
      rows.set(c, "repeat_contacts", i == 0 ? 1 : 0);
    }
    long quiet = caseIn(acme, playbook, "RESOLVED");
    rows.set(quiet, "root_cause", "Slow app");
    long other = caseIn(globex, rows.playbook(globex, "Flug"), "REOPENED");
    rows.set(other, "root_cause", "Roaming not explained");
    rows.set(other, "repeat_contacts", 9);

    List<BoardLine> board = AnalyticsQueries.board(db, acme, new BigDecimal("12.50"), "GBP", 100);

    assertEquals(
        List.of("Roaming not explained", "Handset out of stock", "Slow app"),
        board.stream().map(BoardLine::rootCause).toList());
    BoardLine top = board.get(0);
    assertEquals(2, top.cases());
    assertEquals(2, top.open());
    assertEquals(2, top.repeatContacts());
    assertEquals(new BigDecimal("25.00"), top.failureDemand());
    assertEquals("GBP", top.currency());
    assertEquals(T0, top.latest());
    BoardLine second = board.get(1);
    assertEquals(3, second.cases());
    assertEquals(1, second.open());
    assertEquals(new BigDecimal("12.50"), second.failureDemand());
    assertEquals(new BigDecimal("0.00"), board.get(2).failureDemand());
  }
}
