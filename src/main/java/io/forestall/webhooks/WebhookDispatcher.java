package io.forestall.webhooks;

import io.forestall.kernel.Caller;
import io.forestall.kernel.TenantContext;
import io.forestall.kernel.TenantKey;
import io.forestall.platform.crypto.SecretBox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what the webhook outbox holds. Every second it claims due deliveries up to the room its
 * workers have and hands each to a worker without waiting for the others. Each tenant has a share
 * of the workers ({@link #PER_TENANT} deliveries in flight on this node), so a tenant whose
 * endpoints stall until the egress deadline slows its own deliveries only. The schedule of retries
 * is {@link RetrySchedule}'s.
 */
@ApplicationScoped
class WebhookDispatcher {

  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());

  /** Deliveries one tenant may have in flight on this node. */
  static final int PER_TENANT = 4;

  /** Deliveries in flight on this node, all tenants together. */
  static final int WORKERS = 16;

  @Resource ManagedScheduledExecutorService scheduler;
  @Resource ManagedExecutorService workers;
  @Inject DeliveryClaims claims;
  @Inject WebhookTransport transport;
  @Inject SecretBox box;
  @Inject Clock clock;
  @Inject MeterRegistry meters;

  private Counter delivered;
  private Counter failed;

  private final Map<Long, Integer> inFlight = new HashMap<>();
  private volatile boolean more;
  private ScheduledFuture<?> timer;

  void start(@Observes Startup startup) {
    delivered = meters.counter("forestall.webhook.deliveries", "outcome", "delivered");
    failed = meters.counter("forestall.webhook.deliveries", "outcome", "failed");
    timer = scheduler.scheduleWithFixedDelay(this::dispatch, 1, 1, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (timer != null) {
      timer.cancel(false);
    }
  }

  /**
   * Claims what the workers and each tenant's share have room for, and starts sending it. A claim
   * that filled its room may have left more due: then each delivery that ends asks for the next.
   */
  synchronized void dispatch() {
    try {
      Map<Long, Integer> busy;
      synchronized (inFlight) {
        busy = Map.copyOf(inFlight);
      }
      int room = WORKERS - busy.values().stream().mapToInt(Integer::intValue).sum();
      if (room <= 0) {
        return;
      }
      List<DeliveryClaims.Claimed> batch =
          Caller.callAs(Caller.SYSTEM, () -> claims.claim(room, PER_TENANT, busy, clock.instant()));
      more = batch.size() == room;
      for (DeliveryClaims.Claimed c : batch) {
        synchronized (inFlight) {
          inFlight.merge(c.tenantId(), 1, Integer::sum);
        }
        try {
          workers.execute(
              () -> {
                try {
                  deliver(c);
                } finally {
                  done(c);
                  if (more) {
                    scheduler.execute(this::dispatch);
                  }
                }
              });
        } catch (RejectedExecutionException e) {
          // The server is going down: the lease brings the delivery back, and its share is freed.
          done(c);
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Dispatching webhooks failed; the next tick tries again", e);
    }
  }

  private void done(DeliveryClaims.Claimed c) {
    synchronized (inFlight) {
      inFlight.computeIfPresent(c.tenantId(), (t, n) -> n == 1 ? null : n - 1);
    }
  }

  /** Sends one delivery and records its outcome as its tenant. */
  private void deliver(DeliveryClaims.Claimed c) {
    WebhookTransport.Outcome outcome;
    try {
      List<String> secrets = new ArrayList<>();
      secrets.add(box.decrypt(c.sealedSecret()));
      if (c.sealedPreviousSecret() != null) {
        secrets.add(box.decrypt(c.sealedPreviousSecret()));
      }
      outcome = transport.send(c.url(), c.webhookId(), secrets, c.payload());
    } catch (IllegalStateException e) {
      outcome =
          new WebhookTransport.Outcome(
              clock.instant(), "", null, null, 0, "Not sent: " + e.getMessage());
    }
    WebhookTransport.Outcome result = outcome;
    (result.success() ? delivered : failed).increment();
    Instant now = clock.instant();
    TenantKey tenant = new TenantKey(c.tenantId(), c.tenantSlug());
    try {
      TenantContext.runAsSystem(tenant, () -> claims.record(c, result, now));
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Cannot record webhook " + c.webhookId() + "; its lease brings it back",
          e);
    }
  }
}
