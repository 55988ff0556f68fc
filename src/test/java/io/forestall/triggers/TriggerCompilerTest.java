package io.forestall.triggers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.testsupport.SqlDatabase;
import io.forestall.triggers.AttributeFilter.Operator;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each trigger kind and combination against known data, with the exact customers expected, on the
 * database kind of the build (H2, or PostgreSQL with {@code -Ppostgres}). A second tenant holds the
 * same data shapes and must never appear.
 */
class TriggerCompilerTest {

  private static final Instant AS_OF = Instant.parse("2026-06-30T12:00:00Z");

  private Connection db;
  private long acme;
  private long globex;

  @BeforeEach
  void open() throws SQLException {
    db = SqlDatabase.fresh();
    acme = tenant("acme");
    globex = tenant("globex");
  }

  @AfterEach
  void close() throws SQLException {
    db.close();
  }

  @Test
  void eventFindsTheNewEventsThatPassTheFilters() throws SQLException {
    long weather = customer(acme, "weather", "{}");
    long crew = customer(acme, "crew", "{}");
    long old = customer(acme, "old", "{}");
    event(acme, weather, "flight.cancelled", hoursAgo(3), null, "{\"reason\":\"weather\"}");
    event(acme, crew, "flight.cancelled", hoursAgo(2), null, "{\"reason\":\"crew\"}");
    event(acme, old, "flight.cancelled", hoursAgo(50), null, "{\"reason\":\"weather\"}");
    sameInOtherTenant("flight.cancelled", "{\"reason\":\"weather\"}");

    List<Match> matches =
        run(
            all(
                new Condition.Event(
                    "flight.cancelled",
                    List.of(new AttributeFilter("reason", Operator.EQ, "weather")),
                    Duration.ofDays(1))));

    assertEquals(List.of("weather"), ids(matches));
    Finding finding = matches.get(0).findings().get(0);
    assertEquals("flight.cancelled-" + weather + "-0", finding.data().get("eventId"));
    assertEquals(
        "event:flight.cancelled-" + weather + "-0", matches.get(0).windowKey(AS_OF, Duration.ZERO));
  }

  @Test
  void thresholdCountsWithinTheWindow() throws SQLException {
    long four = customer(acme, "four", "{}");
    long three = customer(acme, "three", "{}");
    long earlier = customer(acme, "earlier", "{}");
    for (int i = 0; i < 4; i++) {
      event(acme, four, "login.failed", minutesAgo(10 + i), null, "{}");
    }
    for (int i = 0; i < 3; i++) {
      event(acme, three, "login.failed", minutesAgo(10 + i), null, "{}");
    }
    for (int i = 0; i < 5; i++) {
      event(acme, earlier, "login.failed", minutesAgo(90 + i), null, "{}");
    }
    List<Match> matches =
        run(
            all(
                new Condition.Threshold(
                    "login.failed",
                    Aggregate.COUNT,
                    Duration.ofHours(1),
                    Comparison.GT,
                    BigDecimal.valueOf(3))));

    assertEquals(List.of("four"), ids(matches));
    assertEquals(
        "count of login.failed over the last 1 hour is 4.00 (> 3)", matches.get(0).summary());
  }

  @Test
  void thresholdBelowALimitIncludesCustomersWithoutEvents() throws SQLException {
    long active = customer(acme, "active", "{}");
    long once = customer(acme, "once", "{}");
    customer(acme, "never", "{}");
    event(acme, active, "login", daysAgo(1), null, "{}");
    event(acme, active, "login", daysAgo(2), null, "{}");
    event(acme, once, "login", daysAgo(3), null, "{}");

    List<Match> matches =
        run(
            all(
                new Condition.Threshold(
                    "login",
                    Aggregate.COUNT,
                    Duration.ofDays(30),
                    Comparison.LT,
                    BigDecimal.valueOf(2))));

    assertEquals(List.of("never", "once"), ids(matches));
  }

  @Test
  void changeComparesTheRecentWindowWithTheCustomersOwnBaseline() throws SQLException {
    long shock = customer(acme, "shock", "{\"plan\":\"postpaid\"}");
    long steady = customer(acme, "steady", "{\"plan\":\"postpaid\"}");
    long fresh = customer(acme, "fresh", "{}");
    long prepaid = customer(acme, "prepaid", "{\"plan\":\"prepaid\"}");
    bills(shock, "96.10", "96.10", "96.10", "182.40");
    bills(steady, "100", "100", "100", "120");
    bills(prepaid, "50", "50", "50", "200");
    event(acme, fresh, "bill.issued", daysAgo(5), new BigDecimal("300"), "{}");

    Condition.Change change =
        new Condition.Change(
            "bill.issued",
            Aggregate.AVG,
            Duration.ofDays(31),
            Duration.ofDays(90),
            Comparison.GT,
            new BigDecimal("1.3"));
    List<Match> matches = run(all(change));
    assertEquals(List.of("prepaid", "shock"), ids(matches));
    Match shockMatch = match(matches, "shock");
    assertEquals(
        "avg bill.issued 182.40 over the last 31 days vs 96.10 over the 90 days before, +90 %",
        shockMatch.summary());
    assertEquals(90, shockMatch.findings().get(0).data().get("changePercent"));

    Trigger postpaidOnly =
        new Trigger(
            Trigger.Combine.ALL,
            List.of(change),
            List.of(new AttributeFilter("plan", Operator.EQ, "postpaid")));
    assertEquals(List.of("shock"), ids(run(postpaidOnly)));
  }

  @Test
  void changePerDayFindsAUsageDrop() throws SQLException {
    long dropped = customer(acme, "dropped", "{}");
    long stable = customer(acme, "stable", "{}");
    long silent = customer(acme, "silent", "{}");
    for (int day = 1; day <= 35; day++) {
      BigDecimal usage = BigDecimal.valueOf(day <= 7 ? 1 : 4);
      Instant at = daysAgo(day).plus(Duration.ofHours(12));
      event(acme, dropped, "usage.recorded", at, usage, "{}");
      event(acme, stable, "usage.recorded", at, BigDecimal.valueOf(4), "{}");
      if (day > 7) {
        event(acme, silent, "usage.recorded", at, BigDecimal.valueOf(4), "{}");
      }
    }
    List<Match> matches =
        run(
            all(
                new Condition.Change(
                    "usage.recorded",
                    Aggregate.SUM,
                    Duration.ofDays(7),
                    Duration.ofDays(28),
                    Comparison.LT,
                    new BigDecimal("0.5"))));

    assertEquals(List.of("dropped", "silent"), ids(matches));
    assertTrue(
        match(matches, "dropped")
            .summary()
            .contains("1.00 per day over the last 7 days vs 4.00 per day"),
        match(matches, "dropped").summary());
  }

  @Test
  void lapseUsesTheCustomersUsualInterval() throws SQLException {
    long overdue = customer(acme, "overdue", "{}");
    long due = customer(acme, "due", "{}");
    long single = customer(acme, "single", "{}");
    long recent = customer(acme, "recent", "{}");
    for (int i = 0; i < 4; i++) {
      event(acme, overdue, "oil.changed", daysAgo(124 + 90 * i), null, "{}");
      event(acme, due, "oil.changed", daysAgo(100 + 90 * i), null, "{}");
    }
    event(acme, single, "oil.changed", daysAgo(40), null, "{}");
    event(acme, recent, "oil.changed", daysAgo(10), null, "{}");

    List<Match> matches = run(all(new Condition.Lapse("oil.changed", 30, new BigDecimal("1.3"))));

    assertEquals(List.of("overdue", "single"), ids(matches));
    Map<String, Object> data = matches.get(0).findings().get(0).data();
    assertEquals(124L, data.get("daysSince"));
    assertEquals(90L, data.get("usualIntervalDays"));
    assertTrue(matches.get(0).windowKey(AS_OF, Duration.ZERO).startsWith("since:"));
  }

  @Test
  void burstNeedsTheEventsCloseTogether() throws SQLException {
    long raging = customer(acme, "raging", "{}");
    long spread = customer(acme, "spread", "{}");
    long yesterday = customer(acme, "last-week", "{}");
    for (int i = 0; i < 6; i++) {
      event(acme, raging, "ui.rage_click", minutesAgo(120).plusSeconds(30L * i), null, "{}");
      event(acme, yesterday, "ui.rage_click", daysAgo(3).plusSeconds(20L * i), null, "{}");
    }
    for (int i = 0; i < 5; i++) {
      event(acme, spread, "ui.rage_click", minutesAgo(60 + 8 * i), null, "{}");
    }
    List<Match> matches = run(all(new Condition.Burst("ui.rage_click", 5, Duration.ofMinutes(10))));

    assertEquals(List.of("raging"), ids(matches));
    assertEquals(120L, matches.get(0).findings().get(0).data().get("spanSeconds"));
  }

  @Test
  void complaintsAreScoredFromTheirSignals() throws SQLException {
    long complex = customer(acme, "complex", "{}");
    long simple = customer(acme, "simple", "{}");
    // A Tuesday 21:30 in Europe/London: late evening on a weekday.
    Instant late = Instant.parse("2026-06-30T20:30:00Z").minus(Duration.ofDays(7));
    event(
        acme,
        complex,
        "complaint.created",
        AS_OF.minus(Duration.ofHours(5)),
        null,
        "{\"text\":\"You charged me twice and I want a refund of £40, this is the third time"
            + " this happens\",\"attachments\":3,\"device\":\"laptop\"}");
    event(
        acme,
        simple,
        "complaint.created",
        AS_OF.minus(Duration.ofHours(2)),
        null,
        "{\"text\":\"App is slow\",\"device\":\"mobile\"}");
    event(acme, simple, "complaint.created", late, null, "{\"text\":\"Hi\"}");

    List<Match> matches =
        run(all(new Condition.Complaint("complaint.created", 50, Duration.ofDays(1))));

    assertEquals(List.of("complex", "simple"), ids(matches));
    ComplaintScore complexScore = matches.get(0).complaint();
    assertTrue(complexScore.complex(), complexScore.toString());
    assertEquals(
        List.of("attachments", "length", "money", "device"),
        complexScore.parts().stream().map(ComplaintScore.Part::signal).toList());
    assertEquals(30 + 20 + 20 + 15, complexScore.score());
    ComplaintScore simpleScore = matches.get(1).complaint();
    assertEquals(0, simpleScore.score(), simpleScore.toString());
  }

  @Test
  void allNeedsEveryConditionAndAnyNeedsOne() throws SQLException {
    long both = customer(acme, "both", "{}");
    long flightOnly = customer(acme, "flight-only", "{}");
    long clicksOnly = customer(acme, "clicks-only", "{}");
    customer(acme, "neither", "{}");
    for (long c : new long[] {both, flightOnly}) {
      event(acme, c, "flight.cancelled", hoursAgo(1), null, "{}");
    }
    for (long c : new long[] {both, clicksOnly}) {
      for (int i = 0; i < 3; i++) {
        event(acme, c, "ui.rage_click", minutesAgo(30).plusSeconds(i), null, "{}");
      }
    }
    Condition flight = new Condition.Event("flight.cancelled", List.of(), Duration.ofDays(1));
    Condition clicks = new Condition.Burst("ui.rage_click", 3, Duration.ofMinutes(5));

    assertEquals(List.of("both"), ids(run(trigger(Trigger.Combine.ALL, flight, clicks))));
    List<Match> any = run(trigger(Trigger.Combine.ANY, flight, clicks));
    assertEquals(List.of("both", "clicks-only", "flight-only"), ids(any));
    Match onlyClicks = match(any, "clicks-only");
    assertEquals(
        List.of(false, true), onlyClicks.findings().stream().map(Finding::matched).toList());
  }

  @Test
  void audienceOperatorsReadCustomerAttributesSafely() throws SQLException {
    long gold =
        customer(acme, "gold", "{\"tier\":\"Gold Plus\",\"spend\":1200,\"country\":\"DE\"}");
    long silver = customer(acme, "silver", "{\"tier\":\"silver\",\"spend\":\"lots\"}");
    long bare = customer(acme, "bare", "{}");
    for (long c : new long[] {gold, silver, bare}) {
      event(acme, c, "order.placed", hoursAgo(1), null, "{}");
    }
    Condition order = new Condition.Event("order.placed", List.of(), Duration.ofDays(1));

    assertEquals(List.of("gold"), ids(run(audience(order, "spend", Operator.GT, "1000"))));
    assertEquals(List.of("gold"), ids(run(audience(order, "tier", Operator.CONTAINS, "plus"))));
    assertEquals(
        List.of("bare", "silver"), ids(run(audience(order, "country", Operator.NE, "DE"))));
    assertEquals(List.of("gold"), ids(run(audience(order, "country", Operator.EXISTS, null))));
    assertEquals(List.of(), ids(run(audience(order, "tier", Operator.EQ, "' or 1=1 --"))));
  }

  @Test
  void incrementalScansLookOnlyAtCustomersWithNewEvents() throws SQLException {
    long seen = customer(acme, "seen", "{}");
    long fresh = customer(acme, "fresh", "{}");
    Instant watermark = hoursAgo(2);
    event(acme, seen, "payment.failed", hoursAgo(5), null, "{}", hoursAgo(5));
    event(acme, fresh, "payment.failed", hoursAgo(6), null, "{}", hoursAgo(1));
    Trigger trigger = all(new Condition.Event("payment.failed", List.of(), Duration.ofDays(1)));

    assertEquals(List.of("fresh", "seen"), ids(run(trigger)));
    ScanScope incremental = new ScanScope(acme, AS_OF, watermark, null, null);
    assertEquals(List.of("fresh"), ids(run(trigger, incremental)));
  }

  @Test
  void cooldownSkipsCustomersWithARecentCase() throws SQLException {
    long cooling = customer(acme, "cooling", "{}");
    long open = customer(acme, "open", "{}");
    event(acme, cooling, "payment.failed", hoursAgo(1), null, "{}");
    event(acme, open, "payment.failed", hoursAgo(1), null, "{}");
    long playbook = playbook(acme);
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into customer_case (tenant_id, playbook_id, playbook_version, customer_id,"
                + " window_key, level, state, priority, holdout, summary, evidence, detected_at,"
                + " updated_at) values (?, ?, 1, ?, 'x', 'ALERT', 'DETECTED', 3, false, '', '{}', ?, ?)")) {
      insert.setLong(1, acme);
      insert.setLong(2, playbook);
      insert.setLong(3, cooling);
      insert.setObject(4, daysAgo(2).atOffset(ZoneOffset.UTC));
      insert.setObject(5, daysAgo(2).atOffset(ZoneOffset.UTC));
      insert.executeUpdate();
    }
    Trigger trigger = all(new Condition.Event("payment.failed", List.of(), Duration.ofDays(1)));

    assertEquals(
        List.of("open"), ids(run(trigger, new ScanScope(acme, AS_OF, null, playbook, daysAgo(7)))));
    assertEquals(
        List.of("cooling", "open"),
        ids(run(trigger, new ScanScope(acme, AS_OF, null, playbook, daysAgo(1)))));
  }

  // --- fixtures

  private List<Match> run(Trigger trigger) throws SQLException {
    return run(trigger, ScanScope.preview(acme, AS_OF));
  }

  private List<Match> run(Trigger trigger, ScanScope scope) throws SQLException {
    return TriggerScan.run(
        db,
        SqlDatabase.dialect(),
        trigger,
        scope,
        new ComplaintScoring(ComplaintWeights.DEFAULTS, ZoneId.of("Europe/London")));
  }

  private static Match match(List<Match> matches, String externalId) {
    return matches.stream()
        .filter(m -> m.externalId().equals(externalId))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> ids(List<Match> matches) {
    return matches.stream().map(Match::externalId).sorted().toList();
  }

  private static Trigger all(Condition condition) {
    return trigger(Trigger.Combine.ALL, condition);
  }

  private static Trigger trigger(Trigger.Combine combine, Condition... conditions) {
    return new Trigger(combine, List.of(conditions), List.of());
  }

  private static Trigger audience(Condition c, String attribute, Operator op, String value) {
    return new Trigger(
        Trigger.Combine.ALL, List.of(c), List.of(new AttributeFilter(attribute, op, value)));
  }

  private void bills(long customer, String... amounts) throws SQLException {
    for (int i = 0; i < amounts.length; i++) {
      int daysAgo = 5 + 30 * (amounts.length - 1 - i);
      event(acme, customer, "bill.issued", daysAgo(daysAgo), new BigDecimal(amounts[i]), "{}");
    }
  }

  /** The same shapes in the other tenant, which no acme scan may ever return. */
  private void sameInOtherTenant(String type, String attributes) throws SQLException {
    long stranger = customer(globex, "weather", attributes);
    event(globex, stranger, type, hoursAgo(1), null, attributes);
  }

  private long tenant(String slug) throws SQLException {
    return insert(
        "insert into tenant (slug, name, time_zone, locale, theme, status, created_at)"
            + " values (?, ?, 'UTC', 'en', 'saga', 'ACTIVE', ?)",
        slug,
        slug,
        AS_OF.atOffset(ZoneOffset.UTC));
  }

  private long customer(long tenant, String externalId, String attributes) throws SQLException {
    return insert(
        "insert into customer (tenant_id, external_id, name, attributes, created_at, updated_at)"
            + " values (?, ?, ?, ?, ?, ?)",
        tenant,
        externalId,
        externalId,
        attributes,
        AS_OF.atOffset(ZoneOffset.UTC),
        AS_OF.atOffset(ZoneOffset.UTC));
  }

  private long playbook(long tenant) throws SQLException {
    return insert(
        "insert into playbook (tenant_id, name, status, draft, created_at, updated_at)"
            + " values (?, 'p', 'ACTIVE', '{}', ?, ?)",
        tenant,
        AS_OF.atOffset(ZoneOffset.UTC),
        AS_OF.atOffset(ZoneOffset.UTC));
  }

  private int events;

  private void event(
      long tenant, long customer, String type, Instant at, BigDecimal value, String attributes)
      throws SQLException {
    event(tenant, customer, type, at, value, attributes, at);
  }

  private void event(
      long tenant,
      long customer,
      String type,
      Instant at,
      BigDecimal value,
      String attributes,
      Instant received)
      throws SQLException {
    String id = type + "-" + customer + "-" + events++;
    insert(
        "insert into customer_event (tenant_id, customer_id, event_id, type, occurred_at,"
            + " num_value, attributes, received_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
        tenant,
        customer,
        id,
        type,
        at.atOffset(ZoneOffset.UTC),
        value,
        attributes,
        received.atOffset(ZoneOffset.UTC));
  }

  private long insert(String sql, Object... params) throws SQLException {
    try (PreparedStatement insert = db.prepareStatement(sql, new String[] {"id"})) {
      for (int i = 0; i < params.length; i++) {
        insert.setObject(i + 1, params[i]);
      }
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  private static Instant minutesAgo(long minutes) {
    return AS_OF.minus(Duration.ofMinutes(minutes));
  }

  private static Instant hoursAgo(long hours) {
    return AS_OF.minus(Duration.ofHours(hours));
  }

  private static Instant daysAgo(long days) {
    return AS_OF.minus(Duration.ofDays(days));
  }
}
