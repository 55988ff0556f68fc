package io.forestall.events;

import io.forestall.kernel.Allowed;
import io.forestall.kernel.Role;
import io.forestall.kernel.TenantContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * Takes in the current tenant's events, all or nothing per request. Unknown customers are created;
 * an event id seen before is counted as a duplicate. A request that loses a race on a unique key to
 * a concurrent one is retried, and then finds the other's rows. Requests of one event are stored
 * together with concurrent ones ({@link IngestGroups}), one commit for many.
 */
@ApplicationScoped
public class EventIngest {

  /** The most events one request may carry. */
  public static final int MAX_BATCH = 1000;

  private static final int ATTEMPTS = 3;

  @Inject EventWriter writer;
  @Inject IngestGroups groups;
  @Inject Clock clock;
  @Inject MeterRegistry meters;

  /** Looked up once: finding a meter by name searches the registry, too slow for every request. */
  private Counter accepted;

  private Counter duplicates;

  @PostConstruct
  void meters() {
    accepted = meters.counter("forestall.events.accepted");
    duplicates = meters.counter("forestall.events.duplicates");
  }

  @Allowed({Role.TENANT_ADMIN, Role.AGENT, Role.INGEST})
  public IngestResult ingest(List<EventDraft> drafts) {
    return write(drafts, null);
  }

  /**
   * Takes in one webhook delivery; a redelivery of the same {@code webhookId} changes nothing and
   * reports all its events as duplicates.
   */
  @Allowed({Role.INGEST})
  public IngestResult ingestDelivery(String webhookId, List<EventDraft> drafts) {
    return write(drafts, webhookId);
  }

  private IngestResult write(List<EventDraft> drafts, String webhookId) {
    long tenantId = TenantContext.require().id();
    for (int attempt = 1; ; attempt++) {
      try {
        IngestResult result =
            drafts.size() == 1
                ? groups.write(drafts.get(0), webhookId)
                : writer.write(tenantId, drafts, webhookId, clock.instant());
        accepted.increment(result.accepted());
        duplicates.increment(result.duplicates());
        return result;
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || !isUniqueKeyRace(e)) {
          throw e;
        }
      }
    }
  }

  private static boolean isUniqueKeyRace(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        // 23505 unique violation; 40001 serialization failure; H2's 90131 concurrent update.
        return state.equals("23505") || state.equals("40001") || state.equals("90131");
      }
      if (t instanceof PersistenceException && t.getCause() == null) {
        return false;
      }
    }
    return false;
  }
}
