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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads the current tenant's cases. */
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

  /** One case with its customer's and playbook's names. */
  @Allowed({Role.TENANT_ADMIN, Role.AGENT, Role.VIEWER, Role.CUSTOMER})
  public CaseRow get(long id) {
    CaseRow row = getAll(List.of(id)).get(id);
    if (row == null) {
      throw new NotFoundException("Case", id);
    }
    return row;
  }

  /**
   * The current tenant's cases among {@code ids} with their customers' and playbooks' names, by id,
   * in three queries. In SQL, with the tenant spelled out: Hibernate translates a JPQL query anew
   * on every call while its tenant filter is on, and the dispatcher reads cases for every batch.
   */
  public Map<Long, CaseRow> getAll(Collection<Long> ids) {
    Map<Long, CaseRow> rows = new HashMap<>();
    if (ids.isEmpty()) {
      return rows;
    }
    long tenant = TenantContext.require().id();
    List<CustomerCase> found = new ArrayList<>();
    for (Object c :
        em.createNativeQuery(
                "select * from customer_case where tenant_id = :tenant and id in (:ids)",
                CustomerCase.class)
            .setParameter("tenant", tenant)
            .setParameter("ids", ids)
            .getResultList()) {
      found.add((CustomerCase) c);
    }
    if (found.isEmpty()) {
      return rows;
    }
    Map<Long, Object[]> customers =
        byId(
            "select id, external_id, name from customer where tenant_id = :tenant and id in (:ids)",
            tenant,
            found.stream().map(CustomerCase::getCustomerId).collect(Collectors.toSet()));
    Map<Long, Object[]> playbooks =
        byId(
            "select id, name from playbook where tenant_id = :tenant and id in (:ids)",
            tenant,
            found.stream().map(CustomerCase::getPlaybookId).collect(Collectors.toSet()));
    for (CustomerCase c : found) {
      Object[] customer = customers.get(c.getCustomerId());
      rows.put(
          c.getId(),
          new CaseRow(
              c,
              (String) customer[1],
              (String) customer[2],
              (String) playbooks.get(c.getPlaybookId())[1]));
    }
    return rows;
  }

  private Map<Long, Object[]> byId(String sql, long tenant, Collection<Long> ids) {
    Map<Long, Object[]> rows = new HashMap<>();
    for (Object r :
        em.createNativeQuery(sql, Object[].class)
            .setParameter("tenant", tenant)
            .setParameter("ids", ids)
            .getResultList()) {
      Object[] row = (Object[]) r;
      rows.put(((Number) row[0]).longValue(), row);
    }
    return rows;
  }

  private static <T> TypedQuery<T> bind(TypedQuery<T> query, CaseQuery filter) {
    return query
        .setParameter("playbook", filter.playbookId())
        .setParameter("state", filter.state())
        .setParameter("level", filter.level())
        .setParameter("customer", filter.customer());
  }
}
