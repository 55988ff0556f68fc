package io.forestall.cases;

import io.forestall.kernel.Allowed;
import io.forestall.kernel.NotFoundException;
import io.forestall.kernel.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Reads the current tenant's cases, their tasks and the problem board. */
@ApplicationScoped
@Transactional
@Allowed({Role.TENANT_ADMIN, Role.AGENT, Role.VIEWER})
public class CaseService {

  private static final String FROM =
      " from CustomerCase c join Customer cu on cu.id = c.customerId"
          + " join Playbook p on p.id = c.playbookId"
          + " where (:playbook is null or c.playbookId = :playbook)"
          + " and (:state is null or c.state = :state)"
          + " and (:level is null or c.level = :level)"
          + " and (:customer is null or cu.externalId = :customer)";

  @PersistenceContext EntityManager em;

  /** Newest first. */
  public List<CaseRow> list(CaseQuery query) {
    TypedQuery<Object[]> select =
        em.createQuery(
            "select c, cu.externalId, cu.name, p.name"
                + FROM
                + " order by c.detectedAt desc, c.id desc",
            Object[].class);
    return bind(select, query)
        .setFirstResult(query.offset())
        .setMaxResults(query.limit())
        .getResultList()
        .stream()
        .map(r -> new CaseRow((CustomerCase) r[0], (String) r[1], (String) r[2], (String) r[3]))
        .toList();
  }

  public long count(CaseQuery query) {
    return bind(em.createQuery("select count(c)" + FROM, Long.class), query).getSingleResult();
  }

  public CaseRow get(long id) {
    return em.createQuery(
            "select c, cu.externalId, cu.name, p.name from CustomerCase c"
                + " join Customer cu on cu.id = c.customerId join Playbook p on p.id = c.playbookId"
                + " where c.id = :id",
            Object[].class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst()
        .map(r -> new CaseRow((CustomerCase) r[0], (String) r[1], (String) r[2], (String) r[3]))
        .orElseThrow(() -> new NotFoundException("Case", id));
  }

  public List<AgentTask> tasks(long caseId) {
    return em.createQuery(
            "select t from AgentTask t where t.caseId = :id order by t.createdAt", AgentTask.class)
        .setParameter("id", caseId)
        .getResultList();
  }

  /** Open tasks, most urgent first: priority, then the nearest due time. */
  public List<AgentTask> openTasks(int limit) {
    return em.createQuery(
            "select t from AgentTask t where t.status = 'OPEN' order by t.priority, t.dueAt",
            AgentTask.class)
        .setMaxResults(limit)
        .getResultList();
  }

  /** Root causes of AVOID cases, the most cases first. */
  public List<RootCauseCount> problemBoard() {
    return em
        .createQuery(
            "select c.rootCause, count(c), sum(case when c.state in (io.forestall.cases.CaseState.RESOLVED, io.forestall.cases.CaseState.VERIFIED) then 0"
                + " else 1 end), max(c.detectedAt) from CustomerCase c where c.rootCause is not null"
                + " group by c.rootCause order by count(c) desc, c.rootCause",
            Object[].class)
        .getResultList()
        .stream()
        .map(
            r ->
                new RootCauseCount(
                    (String) r[0], (Long) r[1], ((Number) r[2]).longValue(), (Instant) r[3]))
        .toList();
  }

  private static <T> TypedQuery<T> bind(TypedQuery<T> query, CaseQuery filter) {
    return query
        .setParameter("playbook", filter.playbookId())
        .setParameter("state", filter.state())
        .setParameter("level", filter.level())
        .setParameter("customer", filter.customer());
  }
}
