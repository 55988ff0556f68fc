package io.forestall.events;

import io.forestall.kernel.Allowed;
import io.forestall.kernel.Role;
import io.forestall.kernel.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The log of rejected ingest requests a tenant admin reads on the ingest overview. Written in its
 * own transaction, since the request itself stored nothing, and at most once a second per tenant
 * and source so a flood of bad requests cannot flood the log.
 */
@ApplicationScoped
public class IngestErrors {

  private final Map<String, Instant> lastWrite = new ConcurrentHashMap<>();

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /** One logged rejection. */
  public record Entry(
      Instant occurredAt, String source, int status, String title, String problem) {}

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void record(long tenantId, String source, int status, String title, String problemJson) {
    Instant now = clock.instant();
    Instant previous = lastWrite.put(tenantId + "/" + source, now);
    if (previous != null && previous.plusSeconds(1).isAfter(now)) {
      return;
    }
    em.createNativeQuery(
            "insert into ingest_error (tenant_id, occurred_at, source, status, title, problem, version)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, 0)")
        .setParameter(1, tenantId)
        .setParameter(2, now)
        .setParameter(3, source)
        .setParameter(4, status)
        .setParameter(5, truncate(title, 200))
        .setParameter(6, truncate(problemJson, 8000))
        .executeUpdate();
  }

  @Allowed(Role.TENANT_ADMIN)
  @Transactional
  public List<Entry> latest(int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select occurred_at, source, status, title, problem from ingest_error"
                    + " where tenant_id = ?1 order by occurred_at desc, id desc")
            .setParameter(1, TenantContext.require().id())
            .setMaxResults(limit)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Entry(
                    toInstant(r[0]),
                    (String) r[1],
                    ((Number) r[2]).intValue(),
                    (String) r[3],
                    (String) r[4]))
        .toList();
  }

  private static Instant toInstant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof java.time.OffsetDateTime odt) {
      return odt.toInstant();
    }
    return ((java.sql.Timestamp) value).toInstant();
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
