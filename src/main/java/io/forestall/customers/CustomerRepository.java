package io.forestall.customers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Customer queries. Hibernate adds the current tenant to each of them through {@code @TenantId}.
 */
@ApplicationScoped
public class CustomerRepository {

  @PersistenceContext EntityManager em;

  public Optional<Customer> findById(long id) {
    return em.createQuery("select c from Customer c where c.id = :id", Customer.class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst();
  }

  public Optional<Customer> findByExternalId(String externalId) {
    return em.createQuery(
            "select c from Customer c where c.externalId = :externalId", Customer.class)
        .setParameter("externalId", externalId)
        .getResultStream()
        .findFirst();
  }

  public List<Customer> page(CustomerQuery query) {
    // The sort field comes from a fixed whitelist (CustomerQuery.SORTABLE), never from raw input.
    String order =
        " order by c." + query.sortField() + (query.ascending() ? " asc" : " desc") + ", c.id";
    TypedQuery<Customer> select =
        em.createQuery("select c from Customer c" + where(query) + order, Customer.class);
    bind(select, query);
    return select.setFirstResult(query.offset()).setMaxResults(query.limit()).getResultList();
  }

  public long count(CustomerQuery query) {
    TypedQuery<Long> count =
        em.createQuery("select count(c) from Customer c" + where(query), Long.class);
    bind(count, query);
    return count.getSingleResult();
  }

  void add(Customer customer) {
    em.persist(customer);
  }

  private static String where(CustomerQuery query) {
    return hasSearch(query)
        ? " where lower(c.externalId) like :q or lower(c.name) like :q or lower(c.email) like :q"
            + " or c.phone like :q"
        : "";
  }

  private static void bind(TypedQuery<?> select, CustomerQuery query) {
    if (hasSearch(query)) {
      String escaped =
          query
              .search()
              .strip()
              .toLowerCase(Locale.ROOT)
              .replace("\\", "\\\\")
              .replace("%", "\\%")
              .replace("_", "\\_");
      select.setParameter("q", "%" + escaped + "%");
    }
  }

  private static boolean hasSearch(CustomerQuery query) {
    return query.search() != null && !query.search().isBlank();
  }
}
