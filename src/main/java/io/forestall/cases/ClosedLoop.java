package io.forestall.cases;

import io.forestall.kernel.Caller;
import io.forestall.kernel.IntegrationEvent;
import io.forestall.kernel.TenantContext;
import io.forestall.platform.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Closes the loop for the current tenant, set-based: a customer's contact within the verify window
 * reopens a resolved case (told to integrations as {@code case.reopened}), a held-out customer's
 * contact is counted as a repeat for the comparison without moving the case, and a window that
 * passes quietly verifies the fix.
 */
@ApplicationScoped
public class ClosedLoop {

  @Inject Database database;
  @Inject ClosedLoopSettings settings;
  @Inject Event<IntegrationEvent> integrations;

  /** Looks at the contact events received after {@code since}: reopens and counts. */
  @Transactional
  public LoopRun reopen(Instant since, Instant now) {
    long tenant = TenantContext.require().id();
    List<String> types = settings.get().contactTypes();
    try (Connection connection = database.managed().getConnection()) {
      List<LoopSql.Reopened> reopened =
          LoopSql.reopen(connection, tenant, types, since, now, actor());
      for (LoopSql.Reopened r : reopened) {
        Map<String, Object> data = new HashMap<>();
        data.put("caseId", r.caseId());
        data.put("playbookId", r.playbookId());
        data.put("repeatContacts", r.repeatContacts());
        if (r.rootCause() != null) {
          data.put("rootCause", r.rootCause());
        }
        integrations.fire(
            new IntegrationEvent(
                tenant, IntegrationEvent.CASE_REOPENED, "case_" + r.caseId(), data, now));
      }
      int counted = LoopSql.countHeldOutContacts(connection, tenant, types, since, now, actor());
      return new LoopRun(reopened.size(), counted, 0);
    } catch (SQLException e) {
      throw new PersistenceException("Cannot reopen cases", e);
    }
  }

  /**
   * The daily pass as of {@code now}: catches up every reopening the prompt path missed, then
   * verifies the resolved cases whose window has passed. Repeating it changes nothing.
   */
  @Transactional
  public LoopRun sweep(Instant now) {
    LoopRun caughtUp = reopen(Instant.EPOCH, now);
    try (Connection connection = database.managed().getConnection()) {
      int verified = LoopSql.verify(connection, TenantContext.require().id(), now, actor());
      return caughtUp.plus(new LoopRun(0, 0, verified));
    } catch (SQLException e) {
      throw new PersistenceException("Cannot verify cases", e);
    }
  }

  private static String actor() {
    return Caller.current().map(Caller::displayName).orElse(Caller.SYSTEM.displayName());
  }
}
