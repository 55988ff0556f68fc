package io.forestall.cases;

import io.forestall.kernel.Allowed;
import io.forestall.kernel.NotFoundException;
import io.forestall.kernel.Role;
import io.forestall.kernel.TenantContext;
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

  /**
   * One case with its customer's and playbook's names. In SQL, with the tenant spelled out: the
   * dispatcher reads a case per message, and Hibernate translates a JPQL query anew on every call
   * while its tenant filter is on.
   */
  public CaseRow get(long id) {
    long tenant = TenantContext.require().id();
    List<?> found =
        em.createNativeQuery(
                "select * from customer_case where tenant_id = ? and id = ?", CustomerCase.class)
            .setParameter(1, tenant)
            .setParameter(2, id)
            .getResultList();
    if (found.isEmpty()) {
      throw new NotFoundException("Case", id);
    }
    CustomerCase c = (CustomerCase) found.get(0);
    Object[] names =
        (Object[])
            em.createNativeQuery(
                    "select cu.external_id, cu.name, p.name from customer cu, playbook p"
                        + " where cu.tenant_id = ? and cu.id = ? and p.id = ?",
                    Object[].class)
                .setParameter(1, tenant)
                .setParameter(2, c.getCustomerId())
                .setParameter(3, c.getPlaybookId())
                .getSingleResult();
    return new CaseRow(c, (String) names[0], (String) names[1], (String) names[2]);
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
