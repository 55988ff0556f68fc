package io.forestall.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WaitTest {

  @Test
  void aWaitThatNeverComesTrueFailsAtItsDeadlineNamingWhatAndTheLastValue() {
    AtomicInteger polls = new AtomicInteger();
    long started = System.nanoTime();
    AssertionError failed =
        assertThrows(
            AssertionError.class,
            () ->
                Wait.until(
                    "the counter reaches 1000",
                    Duration.ofMillis(300),
                    polls::incrementAndGet,
                    n -> n >= 1000));
    long took = Duration.ofNanos(System.nanoTime() - started).toMillis();
    assertEquals(
        "Waited 0.3s in vain until the counter reaches 1000; last seen: " + polls.get(),
        failed.getMessage());
    assertTrue(polls.get() >= 2, "polled " + polls.get() + " times");
    assertTrue(took >= 300 && took < 2_000, "gave up after " + took + " ms");
  }

  @Test
  void aConditionThatNeverHoldsFailsNamingIt() {
    AssertionError failed =
        assertThrows(
            AssertionError.class,
            () -> Wait.until("nginx listens", Duration.ofMillis(200), () -> false));
    assertEquals("Waited 0.2s in vain until nginx listens", failed.getMessage());
  }

  @Test
  void aValueThatComesAnswersAtOnce() {
    AtomicInteger polls = new AtomicInteger();
    assertEquals(
        3,
        Wait.until("the third poll", Duration.ofSeconds(5), polls::incrementAndGet, n -> n == 3));
  }

  @Test
  void anExceptionInTheConditionEndsTheWait() {
    long started = System.nanoTime();
    IllegalStateException failed =
        assertThrows(
            IllegalStateException.class,
            () ->
                Wait.until(
                    "the server is ready",
                    Duration.ofSeconds(30),
                    () -> {
                      throw new IllegalStateException("the server stopped");
                    }));
    assertEquals("the server stopped", failed.getMessage());
    assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5);
  }
}
