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
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what the webhook outbox holds: every second it claims due deliveries and sends them side by
 * side, so one slow subscriber holds up no other, then records each outcome as its tenant. The
 * schedule of retries is {@link RetrySchedule}'s.
 */
@ApplicationScoped
class WebhookDispatcher {

  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());
  private static final int BATCH = 20;

  @Resource ManagedScheduledExecutorService scheduler;
  @Resource ManagedExecutorService workers;
  @Inject DeliveryClaims claims;
  @Inject WebhookTransport transport;
  @Inject SecretBox box;
  @Inject Clock clock;
  @Inject MeterRegistry meters;

  private Counter delivered;
  private Counter failed;

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

  /** Sends until nothing is due. */
  void dispatch() {
    try {
      List<DeliveryClaims.Claimed> batch;
      do {
        batch = Caller.callAs(Caller.SYSTEM, () -> claims.claim(BATCH, clock.instant()));
        List<Future<?>> sending = new ArrayList<>();
        for (DeliveryClaims.Claimed c : batch) {
          sending.add(workers.submit(() -> deliver(c)));
        }
        for (Future<?> f : sending) {
          f.get();
        }
      } while (batch.size() == BATCH);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | RuntimeException e) {
      LOG.log(Level.WARNING, "Dispatching webhooks failed; the next tick tries again", e);
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
