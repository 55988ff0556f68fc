package io.forestall.triggers;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Scores a complaint event from its attributes: {@code text}, {@code attachments} (a number) and
 * {@code device}, and its time in the tenant's zone.
 */
public final class ComplaintScoring {

  private static final Pattern MONEY =
      Pattern.compile(
          "[£$€]|\\b(refund|compensat\\w*|money|overcharg\\w*|charged|fees?|costs?|paid|payment"
              + "|bills?|invoice|geld|kosten|erstattung|rechnung)\\b",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final BigDecimal LONGER = new BigDecimal("1.3");

  private final ComplaintWeights weights;
  private final ZoneId zone;

  public ComplaintScoring(ComplaintWeights weights, ZoneId zone) {
    this.weights = weights;
    this.zone = zone;
  }

  /** The tenant's time zone, in which complaint times (and evidence times) are read. */
  public ZoneId zone() {
    return zone;
  }

  public ComplaintScore score(
      JsonObject attributes, Instant occurredAt, BigDecimal averageLength, int complexAt) {
    List<ComplaintScore.Part> parts = new ArrayList<>();
    int attachments = number(attributes.get("attachments"));
    if (attachments > 0 && weights.perAttachment() > 0) {
      int points = Math.min(weights.attachmentsMax(), attachments * weights.perAttachment());
      parts.add(part("attachments", points, attachments + " attachment(s)"));
    }
    String text = text(attributes.get("text"));
    if (!text.isEmpty() && averageLength != null && averageLength.signum() > 0) {
      BigDecimal times =
          BigDecimal.valueOf(text.length()).divide(averageLength, 2, RoundingMode.HALF_UP);
      if (times.compareTo(LONGER) >= 0) {
        parts.add(part("length", weights.longText(), times + "× the average length"));
      }
    }
    ZonedDateTime local = occurredAt.atZone(zone);
    boolean weekend =
        local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY;
    int hour = local.getHour();
    if (weekend && hour >= 12 && hour < 18) {
      parts.add(part("timing", weights.timing(), "weekend afternoon"));
    } else if (!weekend && (hour < 8 || hour >= 20)) {
      parts.add(part("timing", weights.timing(), hour < 8 ? "early morning" : "late evening"));
    }
    if (MONEY.matcher(text).find()) {
      parts.add(part("money", weights.money(), "mentions money"));
    }
    String device = text(attributes.get("device")).toLowerCase(Locale.ROOT);
    if (device.equals("desktop") || device.equals("laptop")) {
      parts.add(part("device", weights.device(), "sent from a " + device));
    }
    parts.removeIf(p -> p.points() <= 0);
    int score = Math.min(100, parts.stream().mapToInt(ComplaintScore.Part::points).sum());
    return new ComplaintScore(score, score >= complexAt, List.copyOf(parts));
  }

  private static ComplaintScore.Part part(String signal, int points, String detail) {
    return new ComplaintScore.Part(signal, points, detail);
  }

  private static int number(JsonValue value) {
    if (value instanceof JsonNumber n) {
      return Math.max(0, Math.min(1000, n.intValue()));
    }
    if (value instanceof JsonString s) {
      try {
        return Math.max(0, Math.min(1000, Integer.parseInt(s.getString().strip())));
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  private static String text(JsonValue value) {
    return value instanceof JsonString s ? s.getString() : "";
  }
}
