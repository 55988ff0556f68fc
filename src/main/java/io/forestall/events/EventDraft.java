package io.forestall.events;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One event as a sender describes it; {@link #problems} says what is wrong with it, field by field.
 */
public record EventDraft(
    String id,
    String customer,
    String type,
    OffsetDateTime occurredAt,
    BigDecimal value,
    JsonObject attributes) {

  public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");
  public static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");
  static final Duration MAX_FUTURE = Duration.ofDays(1);
  static final Duration MAX_AGE = Duration.ofDays(3660);
  static final BigDecimal MAX_VALUE = new BigDecimal("99999999999999");

  /** Every broken rule of this draft by field name; empty when it is acceptable at {@code now}. */
  public Map<String, String> problems(Instant now) {
    Map<String, String> problems = new LinkedHashMap<>();
    if (id == null) {
      problems.put("id", "is required");
    } else if (!ID.matcher(id).matches()) {
      problems.put(
          "id", "must be 1-128 letters, digits or . _ : @ -, starting with a letter or digit");
    }
    if (customer == null) {
      problems.put("customer", "is required (the customer's externalId)");
    } else if (!ID.matcher(customer).matches()) {
      problems.put(
          "customer",
          "must be 1-128 letters, digits or . _ : @ -, starting with a letter or digit");
    }
    if (type == null) {
      problems.put("type", "is required");
    } else if (type.length() > 100 || !TYPE.matcher(type).matches()) {
      problems.put("type", "must be lowercase words separated by dots, e.g. bill.issued");
    }
    if (occurredAt == null) {
      problems.put("occurredAt", "is required");
    } else if (occurredAt.toInstant().isAfter(now.plus(MAX_FUTURE))) {
      problems.put("occurredAt", "is more than a day in the future");
    } else if (occurredAt.toInstant().isBefore(now.minus(MAX_AGE))) {
      problems.put("occurredAt", "is more than ten years in the past");
    }
    if (value != null && (value.abs().compareTo(MAX_VALUE) > 0 || value.scale() > 6)) {
      problems.put("value", "must be below 10^14 in size with at most 6 decimals");
    }
    if (attributes != null && (attributes.size() > 50 || attributes.toString().length() > 8000)) {
      problems.put("attributes", "must have at most 50 entries and 8000 characters");
    }
    return problems;
  }
}
