package io.forestall.cases;

import io.forestall.events.EventsArrived;
import io.forestall.kernel.TenantContext;
import io.forestall.kernel.TenantKey;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reopens cases moments after a contact event's ingest commits. Ingest only marks the tenant with
 * the types it got; a timer on this node drains the marks, and a tenant whose new events include
 * one of its contact types gets one set-based pass over the events received since.
 */
@ApplicationScoped
public class PromptReopening {

  private static final Logger LOG = Logger.getLogger(PromptReopening.class.getName());
  private static final long TICK_MS = 250;

  /** Events are stamped received before their transaction commits; this covers the gap. */
  static final Duration IN_FLIGHT = Duration.ofMinutes(1);

  private record Pending(TenantKey tenant, Set<String> types, Instant since) {}

  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();

  @Resource ManagedScheduledExecutorService executor;
  @Inject ClosedLoop loop;
  @Inject ClosedLoopSettings settings;
  @Inject Clock clock;

  private ScheduledFuture<?> timer;

  void start(@Observes Startup startup) {
    timer = executor.scheduleWithFixedDelay(this::drain, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (timer != null) {
      timer.cancel(false);
    }
  }

  void arrived(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventsArrived events) {
    pending.merge(
        events.tenant().id(),
        new Pending(events.tenant(), Set.copyOf(events.types()), clock.instant()),
        (a, b) -> {
          Set<String> types = new HashSet<>(a.types());
          types.addAll(b.types());
          return new Pending(a.tenant(), types, a.since());
        });
  }

  private void drain() {
    for (Long tenantId : List.copyOf(pending.keySet())) {
      Pending work = pending.remove(tenantId);
      if (work == null) {
        continue;
      }
      try {
        TenantContext.runAsSystem(work.tenant(), () -> handle(work));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Reopening for tenant " + work.tenant().slug() + " failed", e);
      }
    }
  }

  private void handle(Pending work) {
    if (settings.get().contactTypes().stream().noneMatch(work.types()::contains)) {
      return;
    }
    loop.reopen(work.since().minus(IN_FLIGHT), clock.instant());
  }
}
