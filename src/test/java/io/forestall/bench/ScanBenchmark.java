package io.forestall.bench;

import io.forestall.triggers.Aggregate;
import io.forestall.triggers.Comparison;
import io.forestall.triggers.CompiledScan;
import io.forestall.triggers.ComplaintScoring;
import io.forestall.triggers.ComplaintWeights;
import io.forestall.triggers.Condition;
import io.forestall.triggers.Finding;
import io.forestall.triggers.Match;
import io.forestall.triggers.ScanScope;
import io.forestall.triggers.SqlDialect;
import io.forestall.triggers.Trigger;
import io.forestall.triggers.TriggerCompiler;
import io.forestall.triggers.TriggerScan;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;

/**
 * Measures a CHANGE playbook scan through Forestall against the best hand-written SQL for the same
 * answer on a generated PostgreSQL tenant, checks that both answers are identical, and times an
 * incremental re-scan with no new events.
 *
 * <p>Run with {@code ./mvnw -Pscanbench process-test-classes} (options: -Dbench.customers,
 * -Dbench.events, -Dbench.runs, -Dbench.warmup, -Dbench.explain). It needs no server; schema
 * forestall_scanbench is recreated.
 */
public final class ScanBenchmark {

  private static final String DB = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final String SCHEMA = "forestall_scanbench";
  private static final Duration HISTORY = Duration.ofDays(120);
  private static final int CHUNKS = 10;
  private static final String USAGE = "usage.recorded";

  /** Usage per day over the last 30 days more than twice that of the 90 days before. */
  private static final Condition.Change SPIKE =
      new Condition.Change(
          USAGE,
          Aggregate.SUM,
          Duration.ofDays(30),
          Duration.ofDays(90),
          Comparison.GT,
          BigDecimal.valueOf(2));

  private static final Trigger TRIGGER =
      new Trigger(Trigger.Combine.ALL, List.of(SPIKE), List.of());

  /** The best plain SQL for the same answer: one pass, filtered sums, per day like the evidence. */
  private static final String HAND_WRITTEN =
      "select c.external_id, x.recent / ? as recent, x.base / ? as base"
          + " from (select e.customer_id,"
          + " coalesce(sum(e.num_value) filter (where e.occurred_at > ?), 0) as recent,"
          + " sum(e.num_value) filter (where e.occurred_at <= ?) as base"
          + " from customer_event e where e.tenant_id = ? and e.type = ?"
          + " and e.occurred_at > ? and e.occurred_at <= ? group by e.customer_id) x"
          + " join customer c on c.id = x.customer_id"
          + " where x.base > 0 and x.recent * ? > ? * x.base";

  private final int customers = Integer.getInteger("bench.customers", 100_000);
  private final int events = Integer.getInteger("bench.events", 5_000_000);
  private final int runs = Integer.getInteger("bench.runs", 5);
  private final int warmup = Integer.getInteger("bench.warmup", 2);
  private final boolean explain = Boolean.getBoolean("bench.explain");
  private final Instant asOf = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private final ComplaintScoring scoring =
      new ComplaintScoring(ComplaintWeights.DEFAULTS, ZoneOffset.UTC);
  private long tenantId;

  public static void main(String[] args) throws Exception {
    new ScanBenchmark().run();
  }

  private void run() throws Exception {
    migrate();
    try (Connection db =
        DriverManager.getConnection(DB + "?currentSchema=" + SCHEMA, "postgres", "")) {
      generate(db);
      ScanScope full = ScanScope.preview(tenantId, asOf);
      List<Match> forestall = TriggerScan.run(db, SqlDialect.POSTGRESQL, TRIGGER, full, scoring);
      Map<String, BigDecimal[]> handWritten = handWritten(db);
      compare(forestall, handWritten);
      ScanScope incremental = new ScanScope(tenantId, asOf, lastReceived(db), null, null);
      int rescanned =
          TriggerScan.run(db, SqlDialect.POSTGRESQL, TRIGGER, incremental, scoring).size();
      if (rescanned != 0) {
        throw new IllegalStateException(
            "The incremental re-scan found " + rescanned + " customers");
      }
      if (explain) {
        explain(db, new TriggerCompiler(SqlDialect.POSTGRESQL).compile(TRIGGER, full));
        explain(db, handWrittenScan());
        explain(db, new TriggerCompiler(SqlDialect.POSTGRESQL).compile(TRIGGER, incremental));
      }
      System.out.printf(
          "Timing: %d warm-up and %d measured runs each, alternating%n", warmup, runs);
      List<Double> forestallMs = new ArrayList<>();
      List<Double> handMs = new ArrayList<>();
      List<Double> incrementalMs = new ArrayList<>();
      for (int i = 0; i < warmup + runs; i++) {
        double f = millis(() -> TriggerScan.run(db, SqlDialect.POSTGRESQL, TRIGGER, full, scoring));
        double h = millis(() -> handWritten(db));
        double n =
            millis(() -> TriggerScan.run(db, SqlDialect.POSTGRESQL, TRIGGER, incremental, scoring));
        if (i >= warmup) {
          forestallMs.add(f);
          handMs.add(h);
          incrementalMs.add(n);
        }
      }
      report(forestall.size(), forestallMs, handMs, incrementalMs);
    }
  }

  private void report(
      int matches, List<Double> forestallMs, List<Double> handMs, List<Double> incrementalMs) {
    double forestall = median(forestallMs);
    double incremental = median(incrementalMs);
    double ratio = forestall / median(handMs);
    System.out.println();
    System.out.printf(
        "Scan benchmark: PostgreSQL, %,d customers, %,d events, CHANGE sum(%s) per day,"
            + " last 30 days > 2 x the 90 days before; %,d customers match%n",
        customers, events, USAGE, matches);
    System.out.printf("%-32s %10s   %s%n", "run", "median ms", "each run, ms");
    row("Forestall, full scan", forestallMs);
    row("hand-written SQL", handMs);
    row("Forestall, incremental re-scan", incrementalMs);
    System.out.printf(
        "full scan: %.2f x the hand-written SQL (goal <= 1.2): %s%n",
        ratio, ratio <= 1.2 ? "MET" : "MISSED");
    System.out.printf(
        "incremental re-scan, no new events: %.1f ms (goal <= 50 ms): %s%n",
        incremental, incremental <= 50 ? "MET" : "MISSED");
  }

  private static void row(String name, List<Double> millis) {
    StringBuilder each = new StringBuilder();
    for (double m : millis) {
      each.append(each.isEmpty() ? "" : " ").append(String.format("%.1f", m));
    }
    System.out.printf("%-32s %10.1f   %s%n", name, median(millis), each);
  }

  // --- data

  private void migrate() throws SQLException {
    try (Connection admin = DriverManager.getConnection(DB, "postgres", "");
        Statement s = admin.createStatement()) {
      s.execute("drop schema if exists " + SCHEMA + " cascade");
      s.execute("create schema " + SCHEMA);
    }
    Flyway.configure()
        .dataSource(DB + "?currentSchema=" + SCHEMA, "postgres", "")
        .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
        .load()
        .migrate();
    System.out.println("Schema " + SCHEMA + " recreated and migrated");
  }

  /**
   * One tenant; customers with a steady usage level, a few with their usage multiplied over the
   * last 30 days; events evenly spread over {@link #HISTORY} in arrival order, set-based.
   */
  private void generate(Connection db) throws SQLException {
    long started = System.nanoTime();
    tenantId =
        id(
            db,
            "insert into tenant (slug, name, time_zone, locale, theme, status, created_at)"
                + " values ('scanbench', 'Scan benchmark', 'UTC', 'en', 'saga', 'ACTIVE', ?)",
            at(asOf));
    Instant start = asOf.minus(HISTORY);
    monthlyPartitions(db, start);
    long firstCustomer = timed("customers", () -> customers(db));
    // Each customer recurs every `customers` events (the step is coprime with the count), so its
    // events are evenly spaced in time; its j-th event's type cycles through the ten slots below.
    // Over the last 30 days customers k % 100 = 1..4 use 2.5 to 5 times their level (they match),
    // k % 100 = 0 uses 1.5 times (a near miss) and k % 100 = 5, 6 drop to 0.3.
    long step = coprimeStep();
    double secondsPerEvent = (double) HISTORY.toSeconds() / events;
    String insert =
        "insert into customer_event (tenant_id, customer_id, event_id, type, occurred_at,"
            + " num_value, attributes, received_at)"
            + " select ?, ? + k, 'ev-' || g, type, at,"
            + " case when type = 'usage.recorded' then round(cast((5 + k % 200 / 4.0) * (0.5 + random())"
            + " * case when at <= ? then 1 when k % 100 = 0 then 1.5 when k % 100 = 1 then 2.5"
            + " when k % 100 = 2 then 3 when k % 100 = 3 then 4 when k % 100 = 4 then 5"
            + " when k % 100 in (5, 6) then 0.3 else 1 end as numeric), 2)"
            + " when type = 'bill.issued' then 20 + k % 80 end,"
            + " case type when 'usage.recorded' then '{\"unit\":\"MB\"}'"
            + " when 'page.viewed' then '{\"page\":\"/billing\"}' else '{}' end,"
            + " at + make_interval(secs => g % 97)"
            + " from (select g, k, ? + make_interval(secs => g * ?) as at,"
            + " case when (j * 7 + k) % 10 < 6 then 'usage.recorded'"
            + " when (j * 7 + k) % 10 < 8 then 'page.viewed'"
            + " when (j * 7 + k) % 10 = 8 then 'login.succeeded'"
            + " when j % 2 = 0 then 'support.ticket' else 'bill.issued' end as type"
            + " from generate_series(?::bigint, ?) g,"
            + " lateral (select g * ? % ? as k, g / ? as j) c) x";
    try (PreparedStatement chunk = db.prepareStatement(insert)) {
      long chunkStart = System.nanoTime();
      for (int i = 0; i < CHUNKS; i++) {
        long from = (long) events * i / CHUNKS;
        long to = (long) events * (i + 1) / CHUNKS - 1;
        bind(
            chunk,
            tenantId,
            firstCustomer,
            at(asOf.minus(SPIKE.window())),
            at(start),
            secondsPerEvent,
            from,
            to,
            step,
            customers,
            customers);
        chunk.executeUpdate();
        System.out.printf(
            "  events %,d of %,d (%.0f s)%n",
            to + 1, events, (System.nanoTime() - chunkStart) / 1e9);
      }
    }
    // As autovacuum would have by now; it must not start during the timings either.
    timed(
        "vacuum analyze",
        () -> {
          try (Statement s = db.createStatement()) {
            s.execute("vacuum (analyze) customer");
            s.execute("vacuum (analyze) customer_event");
          }
          return 0L;
        });
    System.out.printf("Generated in %.0f s%n", (System.nanoTime() - started) / 1e9);
  }

  /** The partitions housekeeping would have created while the history happened. */
  private static void monthlyPartitions(Connection db, Instant start) throws SQLException {
    YearMonth now = YearMonth.now(ZoneOffset.UTC);
    try (Statement s = db.createStatement()) {
      for (YearMonth m = YearMonth.from(start.atOffset(ZoneOffset.UTC));
          m.isBefore(now);
          m = m.plusMonths(1)) {
        s.execute(
            String.format(
                "create table if not exists customer_event_%d%02d partition of customer_event"
                    + " for values from ('%s') to ('%s')",
                m.getYear(), m.getMonthValue(), m.atDay(1), m.plusMonths(1).atDay(1)));
      }
    }
  }

  private long customers(Connection db) throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into customer (tenant_id, external_id, name, email, attributes, consent_email,"
                + " created_at, updated_at)"
                + " select ?, 'cust-' || lpad(g::text, 7, '0'), 'Customer ' || g,"
                + " 'customer' || g || '@example.com',"
                + " '{\"plan\":\"' || (array['prepaid', 'postpaid', 'business'])[1 + g % 3] || '\"}',"
                + " g % 4 <> 0, ?, ? from generate_series(0, ? - 1) g")) {
      bind(insert, tenantId, at(asOf.minus(HISTORY)), at(asOf), customers);
      insert.executeUpdate();
    }
    try (PreparedStatement range =
        db.prepareStatement("select min(id), max(id) from customer where tenant_id = ?")) {
      range.setLong(1, tenantId);
      try (ResultSet rows = range.executeQuery()) {
        rows.next();
        if (rows.getLong(2) - rows.getLong(1) + 1 != customers) {
          throw new IllegalStateException("Customer ids are not contiguous");
        }
        return rows.getLong(1);
      }
    }
  }

  /** A multiplier coprime with the customer count, so {@code g * step % customers} visits all. */
  private long coprimeStep() {
    BigInteger step = BigInteger.valueOf(1_000_003);
    while (!step.gcd(BigInteger.valueOf(customers)).equals(BigInteger.ONE)) {
      step = step.nextProbablePrime();
    }
    return step.longValue();
  }

  private Instant lastReceived(Connection db) throws SQLException {
    try (PreparedStatement last =
        db.prepareStatement("select max(received_at) from customer_event where tenant_id = ?")) {
      last.setLong(1, tenantId);
      try (ResultSet rows = last.executeQuery()) {
        rows.next();
        return rows.getObject(1, OffsetDateTime.class).toInstant().plusMillis(1);
      }
    }
  }

  // --- the hand-written query and the comparison

  private CompiledScan handWrittenScan() {
    BigDecimal window = BigDecimal.valueOf(SPIKE.window().toDays());
    BigDecimal baseline = BigDecimal.valueOf(SPIKE.baseline().toDays());
    Instant split = asOf.minus(SPIKE.window());
    return new CompiledScan(
        HAND_WRITTEN,
        List.of(
            window,
            baseline,
            at(split),
            at(split),
            tenantId,
            USAGE,
            at(split.minus(SPIKE.baseline())),
            at(asOf),
            baseline,
            SPIKE.ratio().multiply(window)));
  }

  /** External id to per-day recent and baseline values. */
  private Map<String, BigDecimal[]> handWritten(Connection db) throws SQLException {
    CompiledScan scan = handWrittenScan();
    Map<String, BigDecimal[]> answer = new TreeMap<>();
    try (PreparedStatement query = db.prepareStatement(scan.sql())) {
      bind(query, scan.params().toArray());
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          answer.put(
              rows.getString(1), new BigDecimal[] {rows.getBigDecimal(2), rows.getBigDecimal(3)});
        }
      }
    }
    return answer;
  }

  /** Fails unless both found the same customers with the same per-day values, within a cent. */
  private static void compare(List<Match> forestall, Map<String, BigDecimal[]> handWritten) {
    Map<String, BigDecimal[]> found = new TreeMap<>();
    for (Match m : forestall) {
      Finding f = m.findings().get(0);
      found.put(
          m.externalId(),
          new BigDecimal[] {
            (BigDecimal) f.data().get("recent"), (BigDecimal) f.data().get("baseline")
          });
    }
    if (found.isEmpty()) {
      throw new IllegalStateException("No customer matches; the generated data is wrong");
    }
    if (!found.keySet().equals(handWritten.keySet())) {
      throw new IllegalStateException(
          "Different customers: Forestall "
              + found.size()
              + ", hand-written "
              + handWritten.size());
    }
    BigDecimal cent = new BigDecimal("0.01");
    for (var entry : found.entrySet()) {
      BigDecimal[] ours = entry.getValue();
      BigDecimal[] theirs = handWritten.get(entry.getKey());
      for (int i = 0; i < 2; i++) {
        if (ours[i].subtract(theirs[i].setScale(2, RoundingMode.HALF_UP)).abs().compareTo(cent)
            > 0) {
          throw new IllegalStateException(
              "Different values for " + entry.getKey() + ": " + ours[i] + " vs " + theirs[i]);
        }
      }
    }
    System.out.printf(
        "Answers identical: %,d customers, same per-day recent and baseline values to the cent%n",
        found.size());
  }

  private static void explain(Connection db, CompiledScan scan) throws SQLException {
    try (PreparedStatement query =
        db.prepareStatement("explain (analyze, buffers) " + scan.sql())) {
      bind(query, scan.params().toArray());
      try (ResultSet rows = query.executeQuery()) {
        System.out.println();
        while (rows.next()) {
          System.out.println(rows.getString(1));
        }
      }
    }
  }

  // --- plumbing

  /** Work that may fail with a database error. */
  private interface Work<T> {
    T run() throws SQLException;
  }

  private static <T> T timed(String phase, Work<T> work) throws SQLException {
    long started = System.nanoTime();
    T result = work.run();
    System.out.printf("  %s (%.0f s)%n", phase, (System.nanoTime() - started) / 1e9);
    return result;
  }

  private static double millis(Work<?> work) throws SQLException {
    long started = System.nanoTime();
    work.run();
    return (System.nanoTime() - started) / 1e6;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static long id(Connection db, String sql, Object... params) throws SQLException {
    try (PreparedStatement insert = db.prepareStatement(sql, new String[] {"id"})) {
      bind(insert, params);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  private static void bind(PreparedStatement statement, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      statement.setObject(i + 1, params[i]);
    }
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
