package io.forestall.platform.quartz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.testsupport.Wait;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ManagedThreadPoolTest {

  @Test
  void neverRunsMoreJobsThanItsSizeAndWaitsForThemOnShutdown() throws Exception {
    ExecutorService threads = Executors.newCachedThreadPool();
    ManagedThreadPool pool = new ManagedThreadPool(FakeManagedExecutor.of(threads), 2);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    Runnable job =
        () -> {
          peak.accumulateAndGet(running.incrementAndGet(), Math::max);
          try {
            release.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          running.decrementAndGet();
        };
    assertTrue(pool.runInThread(job));
    assertTrue(pool.runInThread(job));
    Thread third = new Thread(() -> pool.runInThread(job));
    third.start();
    Wait.until(
        "the third job's thread waits for a free one",
        Duration.ofSeconds(5),
        third::getState,
        state -> state == Thread.State.TIMED_WAITING);
    assertEquals(2, running.get(), "the third job waits for a free thread");
    release.countDown();
    third.join(5000);
    assertFalse(third.isAlive(), "the third job got a thread once one was free");
    pool.shutdown(true);
    assertEquals(0, running.get());
    assertEquals(2, peak.get());
    assertFalse(pool.runInThread(job), "no new work after shutdown");
    threads.shutdownNow();
  }
}
