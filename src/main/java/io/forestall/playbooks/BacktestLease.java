package io.forestall.playbooks;

import io.forestall.kernel.ConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A tenant's one backtest slot, held as a row of {@code backtest_lease} so every node sees it. Each
 * step commits on its own, before the evaluation it guards starts.
 */
@ApplicationScoped
class BacktestLease {

  /** How long a lease outlives its last renewal; a backtest renews it after each day. */
  static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "forestall.node.name", defaultValue = "node")
  String node;

  /**
   * Takes the tenant's slot for {@code startedBy} and answers its holder id, or throws a
   * ConflictException while another backtest holds it. An expired lease is taken over.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  String acquire(long tenantId, String startedBy) {
    Instant now = clock.instant();
    em.createNativeQuery("delete from backtest_lease where tenant_id = ?1 and expires_at < ?2")
        .setParameter(1, tenantId)
        .setParameter(2, now)
        .executeUpdate();
    List<?> holders =
        em.createNativeQuery("select started_by from backtest_lease where tenant_id = ?1")
            .setParameter(1, tenantId)
            .getResultList();
    if (!holders.isEmpty()) {
      throw busy(" (started by " + holders.get(0) + ")");
    }
    String holder = UUID.randomUUID().toString();
    try {
      em.createNativeQuery(
              "insert into backtest_lease (tenant_id, holder, started_by, node, started_at,"
                  + " expires_at) values (?1, ?2, ?3, ?4, ?5, ?6)")
          .setParameter(1, tenantId)
          .setParameter(2, holder)
          .setParameter(3, startedBy)
          .setParameter(4, node)
          .setParameter(5, now)
          .setParameter(6, now.plus(TIME_TO_LIVE))
          .executeUpdate();
    } catch (PersistenceException e) {
      // The primary key settles a race between two nodes starting at the same moment.
      if (isUniqueViolation(e)) {
        throw busy("");
      }
      throw e;
    }
    return holder;
  }

  /** Keeps the lease while its backtest is still working. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  void renew(String holder) {
    em.createNativeQuery("update backtest_lease set expires_at = ?1 where holder = ?2")
        .setParameter(1, clock.instant().plus(TIME_TO_LIVE))
        .setParameter(2, holder)
        .executeUpdate();
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  void release(String holder) {
    em.createNativeQuery("delete from backtest_lease where holder = ?1")
        .setParameter(1, holder)
        .executeUpdate();
  }

  private static ConflictException busy(String who) {
    return new ConflictException(
        "A backtest is already running for this tenant"
            + who
            + "; start another when it has finished");
  }

  private static boolean isUniqueViolation(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState().startsWith("23");
      }
    }
    return false;
  }
}
