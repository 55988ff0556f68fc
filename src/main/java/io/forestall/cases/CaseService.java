package io.forestall.cases;

import io.forestall.kernel.Allowed;
import io.forestall.kernel.NotFoundException;
import io.forestall.kernel.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;

/** Reads the current tenant's cases and their tasks. */
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

  private static <T> TypedQuery<T> bind(TypedQuery<T> query, CaseQuery filter) {
    return query
        .setParameter("playbook", filter.playbookId())
        .setParameter("state", filter.state())
        .setParameter("level", filter.level())
        .setParameter("customer", filter.customer());
  }
}
