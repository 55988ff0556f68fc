package io.forestall.kernel;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Something a tenant's own systems may want to hear of, fired as a CDI event inside the transaction
 * that made it happen, so outbound webhooks queue their deliveries in that same transaction.
 *
 * @param type one of {@link #TYPES}, such as {@code case.detected}
 * @param subject what it is about, such as {@code case_42}
 * @param data the event's body, JSON-ready (strings, numbers, booleans, lists and maps)
 */
public record IntegrationEvent(
    long tenantId, String type, String subject, Map<String, Object> data, Instant occurredAt) {

  public static final String CASE_DETECTED = "case.detected";
  public static final String OUTREACH_SENT = "outreach.sent";
  public static final String OUTREACH_RESPONDED = "outreach.responded";
  public static final String CASE_RESOLVED = "case.resolved";
  public static final String CASE_REOPENED = "case.reopened";
  public static final String REMEDY_REQUESTED = "remedy.requested";

  /** Every type a subscription may ask for. */
  public static final Set<String> TYPES =
      Set.of(
          CASE_DETECTED,
          OUTREACH_SENT,
          OUTREACH_RESPONDED,
          CASE_RESOLVED,
          CASE_REOPENED,
          REMEDY_REQUESTED);

  public IntegrationEvent {
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException("Unknown integration event type " + type);
    }
    data = Map.copyOf(data);
  }
}
