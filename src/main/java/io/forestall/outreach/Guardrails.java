package io.forestall.outreach;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A tenant's outreach guardrails: no message during the customer's quiet hours (delayed to their
 * end, not dropped) and at most {@code capMessages} messages per customer in any {@code capDays}.
 *
 * @param quietStart local time the quiet hours begin; equal to {@code quietEnd} means none
 * @param quietEnd local time they end, possibly the next day
 */
public record Guardrails(LocalTime quietStart, LocalTime quietEnd, int capMessages, int capDays) {

  public static final Guardrails DEFAULTS =
      new Guardrails(LocalTime.of(21, 0), LocalTime.of(8, 0), 3, 7);

  /** When quiet hours hold at {@code now}: the moment they end; else empty. */
  public Optional<ZonedDateTime> quietUntil(ZonedDateTime now) {
    if (quietStart.equals(quietEnd)) {
      return Optional.empty();
    }
    LocalTime t = now.toLocalTime();
    boolean overnight = quietStart.isAfter(quietEnd);
    boolean quiet =
        overnight
            ? !t.isBefore(quietStart) || t.isBefore(quietEnd)
            : !t.isBefore(quietStart) && t.isBefore(quietEnd);
    if (!quiet) {
      return Optional.empty();
    }
    ZonedDateTime end = now.with(quietEnd).withSecond(0).withNano(0);
    return Optional.of(end.isAfter(now) ? end : end.plusDays(1));
  }

  public Duration capWindow() {
    return Duration.ofDays(capDays);
  }
}
