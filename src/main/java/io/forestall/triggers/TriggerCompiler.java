package io.forestall.triggers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Compiles a trigger into one set-based query over all of a tenant's customers: a common table
 * expression per condition aggregates the events once, the customer table joins them, and the
 * combination, audience, incremental and cooldown filters apply in the same statement. Every value
 * from the playbook is a bind parameter.
 *
 * <p>The result has one row per matching customer: {@code customer_id, external_id, name}, then per
 * condition {@code i} a flag {@code m<i>} and the condition's evidence columns {@code c<i>_…} that
 * {@link MatchReader} turns into findings.
 */
public final class TriggerCompiler {

  /** How far back COMPLAINT scoring looks for the tenant's average complaint length. */
  static final Duration LENGTH_BASELINE = Duration.ofDays(90);

  private static final String EVENTS = "customer_event e";

  private final SqlDialect dialect;

  public TriggerCompiler(SqlDialect dialect) {
    this.dialect = dialect;
  }

  public CompiledScan compile(Trigger trigger, ScanScope scope) {
    List<Condition> conditions = trigger.conditions();
    Sql with = new Sql();
    for (int i = 0; i < conditions.size(); i++) {
      with.add(i == 0 ? "with " : ", ").add("c" + i + " as (");
      with.add(cte(i, conditions.get(i), trigger, scope)).add(")");
    }
    Sql select = new Sql().add(" select cu.id as customer_id, cu.external_id, cu.name");
    Sql from = new Sql().add(" from customer cu");
    Sql matched = new Sql();
    boolean all = trigger.combine() == Trigger.Combine.ALL;
    for (int i = 0; i < conditions.size(); i++) {
      Condition c = conditions.get(i);
      Sql flag = matchFlag(i, c);
      select.add(", case when ").add(flag).add(" then 1 else 0 end as m" + i);
      for (String column : columns(c)) {
        select.add(", c" + i + "." + "c" + i + "_" + column);
      }
      boolean inner = all && !matchesWithoutEvents(c);
      from.add(inner ? " join " : " left join ")
          .add("c" + i + " on c" + i + ".customer_id = cu.id");
      matched.add(i == 0 ? "(" : all ? " and " : " or ").add(flag);
    }
    matched.add(")");
    Sql where =
        new Sql().add(" where cu.tenant_id = ?", scope.tenantId()).add(" and ").add(matched);
    for (AttributeFilter f : trigger.audience()) {
      where.add(" and ").add(filter("cu.attributes", f));
    }
    if (scope.newSince() != null) {
      where.add(" and cu.id in (").add(newCustomers(trigger, scope)).add(")");
    }
    if (scope.playbookId() != null && scope.cooldownSince() != null) {
      where.add(
          " and not exists (select 1 from customer_case k where k.tenant_id = ? and k.playbook_id = ?"
              + " and k.customer_id = cu.id and k.detected_at > ?)",
          scope.tenantId(),
          scope.playbookId(),
          at(scope.cooldownSince()));
    }
    Sql sql = new Sql().add(with).add(select).add(from).add(where).add(" order by cu.id");
    return new CompiledScan(sql.text(), sql.params());
  }

  /** The evidence columns each kind returns, without their {@code c<i>_} prefix. */
  static List<String> columns(Condition c) {
    return switch (c.kind()) {
      case EVENT -> List.of("event", "at", "value", "attrs");
      case THRESHOLD -> List.of("agg", "n");
      case CHANGE -> List.of("recent", "base");
      case LAPSE -> List.of("last", "n", "gap");
      case BURST -> List.of("at", "span");
      case COMPLAINT -> List.of("event", "at", "attrs", "avglen");
    };
  }

  private Sql cte(int i, Condition condition, Trigger trigger, ScanScope scope) {
    String p = "c" + i + "_";
    Instant asOf = scope.asOf();
    return switch (condition.kind()) {
      case EVENT -> {
        Condition.Event e = (Condition.Event) condition;
        Sql filters = new Sql();
        for (AttributeFilter f : e.filters()) {
          filters.add(" and ").add(filter("e.attributes", f));
        }
        yield latest(
            p,
            List.of(new String[] {"e.num_value", "value"}, new String[] {"e.attributes", "attrs"}),
            new Sql()
                .add(events(e.eventType(), asOf.minus(e.within()), asOf, trigger, scope))
                .add(filters),
            new Sql());
      }
      case COMPLAINT -> {
        Condition.Complaint c = (Condition.Complaint) condition;
        Sql average =
            new Sql()
                .add(", (select avg(length(")
                .add(dialect.jsonText("a.attributes"), dialect.jsonKey("text"))
                .add(
                    ")) from customer_event a where a.tenant_id = ? and a.type = ?"
                        + " and a.occurred_at > ? and a.occurred_at <= ?) as "
                        + p
                        + "avglen",
                    scope.tenantId(),
                    c.eventType(),
                    at(asOf.minus(LENGTH_BASELINE)),
                    at(asOf));
        yield latest(
            p,
            List.<String[]>of(new String[] {"e.attributes", "attrs"}),
            events(c.eventType(), asOf.minus(c.within()), asOf, trigger, scope),
            average);
      }
      case THRESHOLD -> {
        Condition.Threshold t = (Condition.Threshold) condition;
        Sql sql =
            new Sql()
                .add(
                    "select e.customer_id, "
                        + t.aggregate().sql(valueOf(t.aggregate()))
                        + " as "
                        + p
                        + "agg, count(*) as "
                        + p
                        + "n from "
                        + EVENTS)
                .add(events(t.eventType(), asOf.minus(t.window()), asOf, trigger, scope))
                .add(" group by e.customer_id");
        if (!t.matchesWithoutEvents()) {
          sql.add(
              " having "
                  + t.aggregate().sql(valueOf(t.aggregate()))
                  + " "
                  + t.comparison().symbol()
                  + " ?",
              t.value());
        }
        yield sql;
      }
      case CHANGE -> {
        Condition.Change ch = (Condition.Change) condition;
        yield change(p, ch, trigger, scope);
      }
      case LAPSE -> {
        Condition.Lapse l = (Condition.Lapse) condition;
        String last = "extract(epoch from max(e.occurred_at))";
        String gap =
            "(" + last + " - extract(epoch from min(e.occurred_at))) / nullif(count(*) - 1, 0)";
        yield new Sql()
            .add(
                "select e.customer_id, max(e.occurred_at) as "
                    + p
                    + "last, count(*) as "
                    + p
                    + "n, "
                    + gap
                    + " as "
                    + p
                    + "gap from "
                    + EVENTS
                    + " where e.tenant_id = ? and e.type = ? and e.occurred_at <= ?",
                scope.tenantId(),
                l.eventType(),
                at(asOf))
            .add(candidates(trigger, scope))
            .add(
                " group by e.customer_id having "
                    + last
                    + " < cast(? as numeric(20, 6)) - greatest(cast(? as numeric(20, 6)),"
                    + " cast(? as numeric(20, 6)) * coalesce("
                    + gap
                    + ", 0))",
                BigDecimal.valueOf(asOf.getEpochSecond()),
                BigDecimal.valueOf(l.minDays() * 86_400L),
                l.factor());
      }
      case BURST -> {
        Condition.Burst b = (Condition.Burst) condition;
        Instant from = asOf.minus(Condition.DEFAULT_WITHIN);
        yield new Sql()
            .add(
                "select x.customer_id, max(x.occurred_at) as "
                    + p
                    + "at, min(x.span) as "
                    + p
                    + "span from (select e.customer_id, e.occurred_at, extract(epoch from"
                    + " e.occurred_at) - extract(epoch from lag(e.occurred_at, "
                    + (b.count() - 1)
                    + ") over (partition by e.customer_id order by e.occurred_at, e.id)) as span"
                    + " from "
                    + EVENTS)
            .add(events(b.eventType(), from.minus(b.window()), asOf, trigger, scope))
            .add(
                ") x where x.span <= cast(? as numeric(20, 6)) and x.occurred_at > ?"
                    + " group by x.customer_id",
                BigDecimal.valueOf(b.window().toSeconds()),
                at(from));
      }
    };
  }

  /**
   * Each customer's latest event of the filtered set: its id, time and the {@code extra} columns
   * ({@code expression as name} pairs), plus {@code average} when given.
   */
  private Sql latest(String p, List<String[]> extra, Sql where, Sql average) {
    StringBuilder inner = new StringBuilder();
    StringBuilder outer = new StringBuilder();
    for (String[] column : extra) {
      inner.append(", ").append(column[0]).append(" as ").append(p).append(column[1]);
      outer.append(", x.").append(p).append(column[1]);
    }
    return new Sql()
        .add(
            "select x.customer_id, x.event_id as "
                + p
                + "event, x.occurred_at as "
                + p
                + "at"
                + outer)
        .add(average)
        .add(
            " from (select e.customer_id, e.event_id, e.occurred_at"
                + inner
                + ", row_number() over (partition by e.customer_id order by e.occurred_at desc,"
                + " e.id desc) as rn from "
                + EVENTS)
        .add(where)
        .add(") x where x.rn = 1");
  }

  /**
   * Recent and baseline aggregates in one pass, compared outside the grouping so each aggregate is
   * computed once even in a generic plan (a {@code having} repeating them with their own bind
   * parameters would compute them twice). Per-day kinds compare {@code recent / window} with {@code
   * ratio × base / baseline}, multiplied out so the database never divides.
   */
  private Sql change(String p, Condition.Change ch, Trigger trigger, ScanScope scope) {
    Instant asOf = scope.asOf();
    Instant split = asOf.minus(ch.window());
    Instant start = split.minus(ch.baseline());
    String value = valueOf(ch.aggregate());
    String recent = "x." + p + "recent";
    String base = "x." + p + "base";
    BigDecimal recentScale = BigDecimal.ONE;
    BigDecimal ratio = ch.ratio();
    if (ch.perDay()) {
      recentScale = days(ch.baseline());
      ratio = ratio.multiply(days(ch.window()));
    }
    return new Sql()
        .add("select x.customer_id, " + recent + ", " + base + " from (select e.customer_id, ")
        .add(ch.aggregate().sql("case when e.occurred_at > ? then " + value + " end"), at(split))
        .add(" as " + p + "recent, ")
        .add(ch.aggregate().sql("case when e.occurred_at <= ? then " + value + " end"), at(split))
        .add(" as " + p + "base from " + EVENTS)
        .add(events(ch.eventType(), start, asOf, trigger, scope))
        .add(
            " group by e.customer_id) x where "
                + base
                + " > 0 and "
                + (ch.perDay() ? "coalesce(" + recent + ", 0)" : recent)
                + " * cast(? as numeric(20, 6)) "
                + ch.comparison().symbol()
                + " cast(? as numeric(20, 6)) * "
                + base,
            recentScale,
            ratio);
  }

  /** A window's length in days, as the per-day rates of CHANGE count them. */
  static BigDecimal days(Duration window) {
    return BigDecimal.valueOf(window.toMinutes())
        .divide(BigDecimal.valueOf(1440), 6, RoundingMode.HALF_UP);
  }

  /** {@code where} for the events of one type in {@code (from, to]}, narrowed to candidates. */
  private Sql events(String type, Instant from, Instant to, Trigger trigger, ScanScope scope) {
    return new Sql()
        .add(
            " where e.tenant_id = ? and e.type = ? and e.occurred_at > ? and e.occurred_at <= ?",
            scope.tenantId(),
            type,
            at(from),
            at(to))
        .add(candidates(trigger, scope));
  }

  /** In an incremental scan, only customers with newly received events of the trigger's types. */
  private Sql candidates(Trigger trigger, ScanScope scope) {
    if (scope.newSince() == null) {
      return new Sql();
    }
    return new Sql().add(" and e.customer_id in (").add(newCustomers(trigger, scope)).add(")");
  }

  private Sql newCustomers(Trigger trigger, ScanScope scope) {
    List<String> types = trigger.eventTypes();
    Sql sql =
        new Sql()
            .add(
                "select n.customer_id from customer_event n where n.tenant_id = ?"
                    + " and n.received_at > ? and n.type in (",
                scope.tenantId(),
                at(scope.newSince()));
    for (int i = 0; i < types.size(); i++) {
      sql.add(i == 0 ? "?" : ", ?", types.get(i));
    }
    return sql.add(")");
  }

  private Sql matchFlag(int i, Condition c) {
    String p = "c" + i + ".c" + i + "_";
    if (c instanceof Condition.Threshold t && t.matchesWithoutEvents()) {
      return new Sql()
          .add("coalesce(" + p + "agg, 0) " + t.comparison().symbol() + " ?", t.value());
    }
    return new Sql().add("c" + i + ".customer_id is not null");
  }

  private static boolean matchesWithoutEvents(Condition c) {
    return c instanceof Condition.Threshold t && t.matchesWithoutEvents();
  }

  private Sql filter(String column, AttributeFilter f) {
    Sql text = new Sql().add(dialect.jsonText(column), dialect.jsonKey(f.attribute()));
    String value = f.value() == null ? null : f.value().strip();
    return switch (f.operator()) {
      case EXISTS -> new Sql().add(text).add(" is not null");
      case EQ -> new Sql().add(text).add(" = ?", value);
      case NE -> new Sql().add("(").add(text).add(" is null or ").add(text).add(" <> ?)", value);
      case CONTAINS ->
          new Sql()
              .add("lower(")
              .add(text)
              .add(") like ? escape '\\'", "%" + escapeLike(value.toLowerCase()) + "%");
      case GT, GE, LT, LE ->
          new Sql()
              .add("case when ")
              .add(new Sql().add(dialect.looksNumeric(text.text()), text.params().toArray()))
              .add(" then cast(")
              .add(text)
              .add(" as numeric) end " + symbol(f.operator()) + " ?", new BigDecimal(value));
    };
  }

  private static String symbol(AttributeFilter.Operator operator) {
    return switch (operator) {
      case GT -> ">";
      case GE -> ">=";
      case LT -> "<";
      default -> "<=";
    };
  }

  private static String valueOf(Aggregate aggregate) {
    return aggregate == Aggregate.COUNT ? "1" : "e.num_value";
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
