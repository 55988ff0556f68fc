package io.forestall.events;

import io.forestall.kernel.Allowed;
import io.forestall.kernel.Role;
import io.forestall.kernel.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Reads the current tenant's events for the timeline, the explorer and the ingest overview. */
@ApplicationScoped
@Transactional
@Allowed({Role.TENANT_ADMIN, Role.AGENT, Role.VIEWER})
public class EventService {

  @PersistenceContext EntityManager em;

  /** Events per type per day of arrival, for the overview chart. */
  public record DailyCount(LocalDate day, String type, long count) {}

  public List<EventRow> find(EventQuery query) {
    TypedQuery<Object[]> select =
        em.createQuery(
            "select e, c.externalId from CustomerEvent e join Customer c on c.id = e.customerId where 1 = 1"
                + where(query)
                + " order by e.occurredAt desc, e.id desc",
            Object[].class);
    bind(select, query);
    return select
        .setFirstResult(query.offset())
        .setMaxResults(query.limit())
        .getResultList()
        .stream()
        .map(r -> new EventRow((CustomerEvent) r[0], (String) r[1]))
        .toList();
  }

  public long count(EventQuery query) {
    TypedQuery<Long> count =
        em.createQuery(
            "select count(e) from CustomerEvent e join Customer c on c.id = e.customerId where 1 = 1"
                + where(query),
            Long.class);
    bind(count, query);
    return count.getSingleResult();
  }

  /** The event types this tenant has sent, alphabetically. */
  public List<String> types() {
    return em
        .createNativeQuery(
            "select type from event_type where tenant_id = ?1 order by type", String.class)
        .setParameter(1, TenantContext.require().id())
        .getResultList()
        .stream()
        .map(String.class::cast)
        .toList();
  }

  /** How many events of each type arrived on each of the last {@code days} days, grouped in SQL. */
  public List<DailyCount> dailyCounts(int days, Instant now) {
    Instant since =
        now.atZone(ZoneOffset.UTC)
            .toLocalDate()
            .minusDays(days - 1L)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select cast(received_at as date) as received_day, type, count(*) from customer_event"
                    + " where tenant_id = ?1 and received_at >= ?2"
                    + " group by cast(received_at as date), type order by received_day, type")
            .setParameter(1, TenantContext.require().id())
            .setParameter(2, since)
            .getResultList();
    return rows.stream()
        .map(r -> new DailyCount(toDate(r[0]), (String) r[1], ((Number) r[2]).longValue()))
        .toList();
  }

  private static LocalDate toDate(Object value) {
    return value instanceof LocalDate date ? date : ((java.sql.Date) value).toLocalDate();
  }

  private static String where(EventQuery query) {
    StringBuilder where = new StringBuilder();
    if (query.type() != null) {
      where.append(" and e.type = :type");
    }
    if (query.customer() != null) {
      where.append(" and c.externalId = :customer");
    }
    if (query.from() != null) {
      where.append(" and e.occurredAt >= :from");
    }
    if (query.to() != null) {
      where.append(" and e.occurredAt < :to");
    }
    return where.toString();
  }

  private static void bind(TypedQuery<?> select, EventQuery query) {
    if (query.type() != null) {
      select.setParameter("type", query.type());
    }
    if (query.customer() != null) {
      select.setParameter("customer", query.customer());
    }
    if (query.from() != null) {
      select.setParameter("from", query.from());
    }
    if (query.to() != null) {
      select.setParameter("to", query.to());
    }
  }
}
