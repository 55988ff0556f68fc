package io.forestall.platform.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per tenant on this node: {@code perSecond} requests a second, bursts of twice
 * that. Over the limit the caller learns how many seconds to wait, for a 429 with {@code
 * Retry-After}.
 */
@ApplicationScoped
public class TenantRateLimiter {

  private static final class Bucket {
    private double tokens;
    private long refilledAt;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.refilledAt = now;
    }
  }

  private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * Takes one request from the tenant's bucket: 0 when allowed, else the seconds until it would be.
   */
  public long acquire(long tenantId, int perSecond) {
    long now = System.nanoTime();
    double burst = 2.0 * perSecond;
    Bucket bucket = buckets.computeIfAbsent(tenantId, id -> new Bucket(burst, now));
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
