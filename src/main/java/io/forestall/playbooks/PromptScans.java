package io.forestall.playbooks;

import io.forestall.cases.ContactWatch;
import io.forestall.events.ArrivedSince;
import io.forestall.events.EventsArrived;
import io.forestall.platform.drain.Drain;
import io.forestall.triggers.ComplaintSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Looks at new events moments after their ingest commits: event-driven playbooks (EVENT, BURST,
 * COMPLAINT) of the tenant scan incrementally, and REACT cases whose customer just made contact
 * become agent tasks. Ingest only marks the tenant in the platform's drain, so a flood of events
 * costs one scan per playbook per tick.
 */
@ApplicationScoped
public class PromptScans {

  @Inject Drain drain;
  @Inject ScanService scans;
  @Inject ContactWatch contacts;
  @Inject ComplaintSettings complaints;
  @Inject Clock clock;
  @PersistenceContext EntityManager em;

  private Drain.Lane<ArrivedSince> lane;

  @PostConstruct
  void open() {
    lane = drain.lane("Prompt scan", ArrivedSince::and, this::handle);
  }

  void arrived(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventsArrived events) {
    lane.mark(events.tenant(), new ArrivedSince(events.types(), clock.instant()));
  }

  private void handle(ArrivedSince work) {
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
