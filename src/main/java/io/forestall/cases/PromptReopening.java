package io.forestall.cases;

import io.forestall.events.ArrivedSince;
import io.forestall.events.EventsArrived;
import io.forestall.platform.drain.Drain;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

/**
 * Reopens cases moments after a contact event's ingest commits. Ingest only marks the tenant with
 * the types it got in the platform's drain, and a tenant whose new events include one of its
 * contact types gets one set-based pass over the events received since.
 */
@ApplicationScoped
public class PromptReopening {

  /** Events are stamped received before their transaction commits; this covers the gap. */
  static final Duration IN_FLIGHT = Duration.ofMinutes(1);

  @Inject Drain drain;
  @Inject ClosedLoop loop;
  @Inject ClosedLoopSettings settings;
  @Inject Clock clock;

  private Drain.Lane<ArrivedSince> lane;

  @PostConstruct
  void open() {
    lane = drain.lane("Reopening", ArrivedSince::and, this::handle);
  }

  void arrived(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventsArrived events) {
    lane.mark(events.tenant(), new ArrivedSince(events.types(), clock.instant()));
  }

  private void handle(ArrivedSince work) {
    if (settings.get().contactTypes().stream().noneMatch(work.types()::contains)) {
      return;
    }
    loop.reopen(work.since().minus(IN_FLIGHT), clock.instant());
  }
}
