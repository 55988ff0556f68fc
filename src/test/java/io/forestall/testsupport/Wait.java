package io.forestall.testsupport;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waits for what a test expects to happen, always with a deadline and a description: past the
 * deadline the test fails naming what it waited for and the last value it saw. Conditions are
 * polled every 100 ms in the calling thread, so in the server they keep the test's context; an
 * exception they throw ends the wait at once.
 */
public final class Wait {

  private static final Duration POLL = Duration.ofMillis(100);

  private Wait() {}

  /** Waits until {@code condition} holds, such as {@code until("nginx listens", …)}. */
  public static void until(String what, Duration within, Callable<Boolean> condition) {
    try {
      await(what, within).until(condition);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("Waited " + text(within) + " in vain until " + what, e);
    }
  }

  /** Waits until {@code value} gives what {@code done} accepts, and answers that value. */
  public static <T> T until(
      String what, Duration within, Callable<T> value, Predicate<? super T> done) {
    AtomicReference<T> last = new AtomicReference<>();
    try {
      return await(what, within)
          .until(
              () -> {
                T seen = value.call();
                last.set(seen);
                return seen;
              },
              done);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "Waited " + text(within) + " in vain until " + what + "; last seen: " + last.get(), e);
    }
  }

  private static ConditionFactory await(String what, Duration within) {
    return Awaitility.await(what)
        .atMost(within)
        .pollDelay(Duration.ZERO)
        .pollInterval(POLL)
        .pollInSameThread()
        .dontCatchUncaughtExceptions();
  }

  /** {@code 30s}, {@code 2m30s}. */
  private static String text(Duration d) {
    return d.toString().substring(2).toLowerCase(Locale.ROOT);
  }
}
