package io.forestall.playbooks;

import io.forestall.cases.ContactWatch;
import io.forestall.events.EventsArrived;
import io.forestall.kernel.TenantContext;
import io.forestall.kernel.TenantKey;
import io.forestall.triggers.ComplaintSettings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
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
 * Looks at new events moments after their ingest commits: event-driven playbooks (EVENT, BURST,
 * COMPLAINT) of the tenant scan incrementally, and REACT cases whose customer just made contact
 * become agent tasks. Ingest only marks the tenant; a timer on this node drains the marks, so a
 * flood of events costs one scan per playbook per tick.
 */
@ApplicationScoped
public class PromptScans {

  private static final Logger LOG = Logger.getLogger(PromptScans.class.getName());
  private static final long TICK_MS = 200;

  private record Pending(TenantKey tenant, Set<String> types, Instant since) {}

  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();

  @Resource ManagedScheduledExecutorService executor;
  @Inject ScanService scans;
  @Inject ContactWatch contacts;
  @Inject ComplaintSettings complaints;
  @Inject Clock clock;
  @PersistenceContext EntityManager em;

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
    Instant now = clock.instant();
    pending.merge(
        events.tenant().id(),
        new Pending(events.tenant(), Set.copyOf(events.types()), now),
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
        LOG.log(Level.WARNING, "Prompt scan for tenant " + work.tenant().slug() + " failed", e);
      }
    }
  }

  private void handle(Pending work) {
    for (long playbookId : eventDriven(work.types())) {
      scans.scan(playbookId, ScanMode.PROMPT);
    }
    contacts.openTasksForContacts(
        complaints.get().frontlineTeam(),
        work.since().minus(ScanExecution.IN_FLIGHT),
        clock.instant());
  }

  /** Active playbooks whose published trigger is event-driven and reads one of {@code types}. */
  List<Long> eventDriven(Set<String> types) {
    return em
        .createQuery(
            "select p.id, v.definition from Playbook p join PlaybookVersion v"
                + " on v.playbookId = p.id and v.number = p.publishedVersion"
                + " where p.status = io.forestall.playbooks.PlaybookStatus.ACTIVE",
            Object[].class)
        .getResultList()
        .stream()
        .filter(
            r -> {
              var trigger = DefinitionJson.parse((String) r[1]).trigger();
              return trigger.eventDriven()
                  && trigger.eventTypes().stream().anyMatch(types::contains);
            })
        .map(r -> (Long) r[0])
        .toList();
  }
}
