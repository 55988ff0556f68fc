package io.forestall.events;

import java.time.Instant;

/**
 * A window onto the tenant's events: optional type, customer (external id) and occurrence range,
 * newest first, one page at a time.
 */
public record EventQuery(
    String type, String customer, Instant from, Instant to, int offset, int limit) {

  public EventQuery {
    offset = Math.max(0, offset);
    limit = Math.min(Math.max(1, limit), 500);
    type = blankToNull(type);
    customer = blankToNull(customer);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
