package io.forestall.triggers;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.kernel.LocalTimes;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the rows of a {@link TriggerCompiler} query into matches with their findings. */
final class MatchReader {

  private final Trigger trigger;
  private final Instant asOf;
  private final ComplaintScoring scoring;

  MatchReader(Trigger trigger, Instant asOf, ComplaintScoring scoring) {
    this.trigger = trigger;
    this.asOf = asOf;
    this.scoring = scoring;
  }

  Match read(ResultSet row) throws SQLException {
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < trigger.conditions().size(); i++) {
      Condition c = trigger.conditions().get(i);
      boolean matched = row.getInt("m" + i) == 1;
      Map<String, Object> data = new LinkedHashMap<>();
      String summary = matched ? describe(c, "c" + i + "_", row, data) : "";
      findings.add(new Finding(i, c.kind(), c.eventType(), matched, summary, data));
    }
    return new Match(
        row.getLong("customer_id"), row.getString("external_id"), row.getString("name"), findings);
  }

  private String describe(Condition condition, String p, ResultSet row, Map<String, Object> data)
      throws SQLException {
    return switch (condition.kind()) {
      case EVENT -> {
        Condition.Event e = (Condition.Event) condition;
        Instant at = instant(row, p + "at");
        BigDecimal value = row.getBigDecimal(p + "value");
        data.put("eventId", row.getString(p + "event"));
        data.put("occurredAt", at.toString());
        if (value != null) {
          data.put("value", money(value));
        }
        data.put("attributes", json(row.getString(p + "attrs")));
        yield e.eventType()
            + " at "
            + local(at)
            + (value == null ? "" : " (value " + money(value).toPlainString() + ")");
      }
      case THRESHOLD -> {
        Condition.Threshold t = (Condition.Threshold) condition;
        BigDecimal agg = row.getBigDecimal(p + "agg");
        BigDecimal measured = agg == null ? BigDecimal.ZERO : money(agg);
        data.put("measured", measured);
        data.put("limit", t.value());
        data.put("events", row.getLong(p + "n"));
        yield t.aggregate().name().toLowerCase()
            + " of "
            + t.eventType()
            + " over the last "
            + Durations.words(t.window())
            + " is "
            + measured.toPlainString()
            + " ("
            + t.comparison().symbol()
            + " "
            + t.value().toPlainString()
            + ")";
      }
      case CHANGE -> {
        Condition.Change ch = (Condition.Change) condition;
        BigDecimal recent = row.getBigDecimal(p + "recent");
        BigDecimal base = row.getBigDecimal(p + "base");
        if (recent == null) {
          recent = BigDecimal.ZERO;
        }
        if (ch.perDay()) {
          recent = recent.divide(TriggerCompiler.days(ch.window()), 6, RoundingMode.HALF_UP);
          base = base.divide(TriggerCompiler.days(ch.baseline()), 6, RoundingMode.HALF_UP);
        }
        BigDecimal ratio = recent.divide(base, 4, RoundingMode.HALF_UP);
        BigDecimal recentValue = money(recent);
        base = money(base);
        int percent =
            ratio
                .subtract(BigDecimal.ONE)
                .movePointRight(2)
                .setScale(0, RoundingMode.HALF_UP)
                .intValue();
        data.put("recent", recentValue);
        data.put("baseline", base);
        data.put("ratio", ratio);
        data.put("changePercent", percent);
        String unit = ch.perDay() ? " per day" : "";
        yield ch.aggregate().name().toLowerCase()
            + " "
            + ch.eventType()
            + " "
            + recentValue.toPlainString()
            + unit
            + " over the last "
            + Durations.words(ch.window())
            + " vs "
            + base.toPlainString()
            + unit
            + " over the "
            + Durations.words(ch.baseline())
            + " before, "
            + (percent >= 0 ? "+" : "−")
            + Math.abs(percent)
            + " %";
      }
      case LAPSE -> {
        Condition.Lapse l = (Condition.Lapse) condition;
        Instant last = instant(row, p + "last");
        long days = Duration.between(last, asOf).toDays();
        BigDecimal gap = row.getBigDecimal(p + "gap");
        data.put("lastAt", last.toString());
        data.put("daysSince", days);
        String usual = "";
        if (gap != null) {
          long usualDays =
              gap.divide(BigDecimal.valueOf(86_400), 0, RoundingMode.HALF_UP).longValue();
          data.put("usualIntervalDays", usualDays);
          usual = "; usually every " + usualDays + " days";
        }
        yield "no "
            + l.eventType()
            + " for "
            + days
            + " days since "
            + local(last)
            + usual
            + " (limit max("
            + l.minDays()
            + " days, "
            + l.factor().toPlainString()
            + "× usual))";
      }
      case BURST -> {
        Condition.Burst b = (Condition.Burst) condition;
        Instant at = instant(row, p + "at");
        long seconds = row.getBigDecimal(p + "span").setScale(0, RoundingMode.HALF_UP).longValue();
        data.put("lastAt", at.toString());
        data.put("count", b.count());
        data.put("spanSeconds", seconds);
        yield b.count()
            + " "
            + b.eventType()
            + " within "
            + span(seconds)
            + " (at least "
            + b.count()
            + " in "
            + Durations.words(b.window())
            + "), last at "
            + local(at);
      }
      case COMPLAINT -> {
        Condition.Complaint cp = (Condition.Complaint) condition;
        Instant at = instant(row, p + "at");
        JsonObject attributes = json(row.getString(p + "attrs"));
        ComplaintScore score =
            scoring.score(attributes, at, row.getBigDecimal(p + "avglen"), cp.complexAt());
        data.put("eventId", row.getString(p + "event"));
        data.put("occurredAt", at.toString());
        data.put("score", score);
        yield cp.eventType() + " at " + local(at) + " scored " + score;
      }
    };
  }

  /**
   * A moment as people read it in evidence: the tenant's local time to the minute, with its zone.
   */
  private String local(Instant at) {
    return LocalTimes.minute(at, scoring.zone());
  }

  private static String span(long seconds) {
    return seconds < 120 ? seconds + " s" : (seconds / 60) + " min";
  }

  private static BigDecimal money(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP);
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    return row.getObject(column, OffsetDateTime.class).toInstant();
  }

  private static JsonObject json(String text) {
    return JSON.createReader(new StringReader(text == null ? "{}" : text)).readObject();
  }
}
