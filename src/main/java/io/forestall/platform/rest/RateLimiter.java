package io.forestall.platform.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key on this node (a tenant's ingest, a tenant's API calls, a client address):
 * {@code perSecond} requests a second, bursts of twice that. Over the limit the caller learns how
 * many seconds to wait, for a 429 with {@code Retry-After}.
 */
@ApplicationScoped
public class RateLimiter {

  /** Keys kept at most; past it, buckets that have refilled completely are dropped. */
  private static final int MAX_KEYS = 100_000;

  private static final class Bucket {
    private double tokens;
    private long refilledAt;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.refilledAt = now;
    }
  }

  private final Map<Object, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * Takes one request from the key's bucket: 0 when allowed, else the seconds until it would be.
   */
  public long acquire(Object key, int perSecond) {
    long now = System.nanoTime();
    double burst = 2.0 * perSecond;
    if (buckets.size() >= MAX_KEYS) {
      // A bucket idle for a minute would be full again: forgetting it changes nothing.
      buckets.values().removeIf(b -> now - b.refilledAt > 60_000_000_000L);
    }
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
    synchronized (bucket) {
      double refill = (now - bucket.refilledAt) / 1e9 * perSecond;
      bucket.tokens = Math.min(burst, bucket.tokens + refill);
      bucket.refilledAt = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perSecond));
    }
  }
}
