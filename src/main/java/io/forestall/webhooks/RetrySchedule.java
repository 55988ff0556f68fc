package io.forestall.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When a delivery is tried, per the schedule Standard Webhooks suggests: at once, then 5 seconds, 5
 * minutes, 30 minutes, 2, 5, 10, 14, 20 and 24 hours after each failure — about three days in all,
 * after which the delivery has failed.
 */
final class RetrySchedule {

  /** The wait before each attempt; the first is sent as soon as it is queued. */
  static final List<Duration> WAITS =
      List.of(
          Duration.ZERO,
          Duration.ofSeconds(5),
          Duration.ofMinutes(5),
          Duration.ofMinutes(30),
          Duration.ofHours(2),
          Duration.ofHours(5),
          Duration.ofHours(10),
          Duration.ofHours(14),
          Duration.ofHours(20),
          Duration.ofHours(24));

  static final int ATTEMPTS = WAITS.size();

  private RetrySchedule() {}

  /** The wait before the next attempt after {@code attempts} failed ones, or empty when done. */
  static Optional<Duration> after(int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
    return attempts >= ATTEMPTS ? Optional.empty() : Optional.of(WAITS.get(attempts));
  }

  /** From the first attempt until the last one is due. */
  static Duration span() {
    return WAITS.stream().reduce(Duration.ZERO, Duration::plus);
  }
}
