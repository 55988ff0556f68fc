package io.forestall.platform.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed attempts per key (a tenant and a client address, say) in one-minute windows on this
 * node; once a key has failed {@link #LIMIT} times in its window, it waits for the window to end.
 * The count is checked before any costly work, so a flood of bad attempts costs a map lookup each.
 */
@ApplicationScoped
public class FailureThrottle {

  /** Failed attempts a key may make per window. */
  public static final int LIMIT = 30;

  static final long WINDOW_NANOS = 60_000_000_000L;

  /** Keys kept at most; past it, windows that have ended are dropped. */
  private static final int MAX_KEYS = 10_000;

  private static final class Window {
    private final long start;
    private int failures;

    Window(long start) {
      this.start = start;
    }
  }

  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  /** 0 when {@code key} may try, else the seconds until its window ends. */
  public long blockedFor(String key) {
    Window window = windows.get(key);
    if (window == null) {
      return 0;
    }
    long now = System.nanoTime();
    synchronized (window) {
      long left = window.start + WINDOW_NANOS - now;
      if (left <= 0 || window.failures < LIMIT) {
        return 0;
      }
      return Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
    }
  }

  /** Counts one failed attempt of {@code key}. */
  public void fail(String key) {
    long now = System.nanoTime();
    if (windows.size() >= MAX_KEYS) {
      windows.values().removeIf(w -> now - w.start >= WINDOW_NANOS);
    }
    Window window =
        windows.compute(
            key, (k, w) -> w == null || now - w.start >= WINDOW_NANOS ? new Window(now) : w);
    synchronized (window) {
      window.failures++;
    }
  }
}
