package io.forestall.tenants;

import io.forestall.kernel.Allowed;
import io.forestall.kernel.NightlyHousekeeping;
import io.forestall.kernel.Role;
import io.forestall.kernel.TenantKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The nightly tenant housekeeping: counts tenants by status and keeps its own log for 90 days.
 * Later features hang their per-tenant nightly work (retention, partitions) here.
 */
@ApplicationScoped
@Transactional
public class HousekeepingService {

  static final Duration KEEP_RUNS = Duration.ofDays(90);

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Event<NightlyHousekeeping> nightly;

  /** Runs the housekeeping once and records the run; safe to repeat. */
  @Allowed(Role.PLATFORM_ADMIN)
  public HousekeepingRun run(String node) {
    Instant started = clock.instant();
    List<Object[]> counts =
        em.createQuery("select t.status, count(t) from Tenant t group by t.status", Object[].class)
            .getResultList();
    int active = 0;
    int suspended = 0;
    for (Object[] row : counts) {
      int n = ((Number) row[1]).intValue();
      if (row[0] == TenantStatus.ACTIVE) {
        active = n;
      } else {
        suspended = n;
      }
    }
    int purged =
        em.createQuery("delete from HousekeepingRun r where r.startedAt < :cutoff")
            .setParameter("cutoff", started.minus(KEEP_RUNS))
            .executeUpdate();
    Map<TenantKey, Integer> retention = new HashMap<>();
    for (Tenant t : em.createQuery("select t from Tenant t", Tenant.class).getResultList()) {
      retention.put(new TenantKey(t.getId(), t.getSlug()), t.getEventRetentionDays());
    }
    nightly.fire(new NightlyHousekeeping(started, retention));
    HousekeepingRun run =
        new HousekeepingRun(started, clock.instant(), node, active, suspended, purged);
    em.persist(run);
    return run;
  }

  @Allowed(Role.PLATFORM_ADMIN)
  public Optional<HousekeepingRun> latest() {
    return em
        .createQuery("select r from HousekeepingRun r order by r.id desc", HousekeepingRun.class)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst();
  }
}
