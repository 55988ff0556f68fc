package io.forestall.analytics;

import io.forestall.cases.ClosedLoopSettings;
import io.forestall.cases.LoopSettings;
import io.forestall.kernel.Allowed;
import io.forestall.kernel.NotFoundException;
import io.forestall.kernel.Role;
import io.forestall.kernel.TenantContext;
import io.forestall.platform.persistence.Database;
import io.forestall.playbooks.Level;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The current tenant's analytics: the level pyramid, per playbook the funnel and the repeat-contact
 * rates against the holdout, and the close-the-loop board priced with the tenant's cost per
 * contact. Another tenant's playbook is not found.
 */
@ApplicationScoped
@Transactional
@Allowed({Role.TENANT_ADMIN, Role.AGENT, Role.VIEWER})
public class AnalyticsService {

  static final int BOARD_LINES = 100;

  @Inject Database database;
  @Inject ClosedLoopSettings settings;

  /** Cases per level, every level of the ladder in order (IGNORE first), zero when none. */
  public List<LevelCount> pyramid() {
    Map<String, Long> counts = read(db -> AnalyticsQueries.levels(db, tenant()));
    return Arrays.stream(Level.values())
        .map(l -> new LevelCount(l.name(), counts.getOrDefault(l.name(), 0L)))
        .toList();
  }

  /** The tenant's playbooks (not archived) with their case counts, by name. */
  public List<PlaybookSummary> playbooks() {
    return read(db -> AnalyticsQueries.playbooks(db, tenant()));
  }

  /** The playbook's name; not found for another tenant's playbook. */
  public String playbookName(long playbookId) {
    return read(db -> AnalyticsQueries.playbookName(db, tenant(), playbookId))
        .orElseThrow(() -> new NotFoundException("Playbook", playbookId));
  }

  public Funnel funnel(long playbookId) {
    playbookName(playbookId);
    return read(db -> AnalyticsQueries.funnel(db, tenant(), playbookId));
  }

  public RepeatContactRates repeatContacts(long playbookId) {
    playbookName(playbookId);
    return read(db -> AnalyticsQueries.repeatContacts(db, tenant(), playbookId));
  }

  /** Root causes ranked by failure demand, with the cost per contact it was priced at. */
  public Board board() {
    LoopSettings s = settings.get();
    return new Board(
        s.costPerContact(),
        s.currency(),
        read(
            db ->
                AnalyticsQueries.board(
                    db, tenant(), s.costPerContact(), s.currency(), BOARD_LINES)));
  }

  private static long tenant() {
    return TenantContext.require().id();
  }

  private interface Query<T> {
    T run(Connection db) throws SQLException;
  }

  private <T> T read(Query<T> query) {
    try (Connection db = database.managed().getConnection()) {
      return query.run(db);
    } catch (SQLException e) {
      throw new PersistenceException("Cannot read the analytics", e);
    }
  }
}
