package io.forestall.customers;

import io.forestall.kernel.TenantContext;
import io.forestall.platform.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Customer queries. Hibernate adds the current tenant to each of them through {@code @TenantId}.
 */
@ApplicationScoped
public class CustomerRepository {

  /**
   * External id to customer id per tenant, as ingest resolves them; customers are never deleted.
   */
  private final Map<String, Long> knownIds = new ConcurrentHashMap<>();

  @PersistenceContext EntityManager em;
  @Inject Database database;

  public Optional<Customer> findById(long id) {
    return Optional.ofNullable(findByIds(List.of(id)).get(id));
  }

  /**
   * The current tenant's customers among {@code ids}, by id, in one query. In SQL, with the tenant
   * spelled out: Hibernate translates a JPQL query anew on every call while its tenant filter is
   * on, and the dispatcher reads customers for every batch.
   */
  public Map<Long, Customer> findByIds(Collection<Long> ids) {
    Map<Long, Customer> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    for (Object c :
        em.createNativeQuery(
                "select * from customer where tenant_id = :tenant and id in (:ids)", Customer.class)
            .setParameter("tenant", TenantContext.require().id())
            .setParameter("ids", ids)
            .getResultList()) {
      Customer customer = (Customer) c;
      found.put(customer.getId(), customer);
    }
    return found;
  }

  public Optional<Customer> findByExternalId(String externalId) {
    return em
        .createQuery("select c from Customer c where c.externalId = :externalId", Customer.class)
        .setParameter("externalId", externalId)
        .getResultList()
        .stream()
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

  /**
   * Ids of the customers with these external ids, creating the missing ones with nothing but their
   * id. Set-based: one select, and for new customers one batched insert whose unique key settles
   * races.
   */
  Map<String, Long> resolveOrCreate(long tenantId, Collection<String> externalIds, Instant now) {
    Map<String, Long> ids = new HashMap<>();
    List<String> unknown = new ArrayList<>();
    for (String externalId : externalIds) {
      Long id = knownIds.get(tenantId + "/" + externalId);
      if (id == null) {
        unknown.add(externalId);
      } else {
        ids.put(externalId, id);
      }
    }
    if (!unknown.isEmpty()) {
      ids.putAll(resolveOrCreateUnknown(tenantId, unknown, now));
    }
    return ids;
  }

  /**
   * Only customers that already existed are remembered: one created now is not committed yet, and
   * its transaction may still roll back.
   */
  private Map<String, Long> resolveOrCreateUnknown(
      long tenantId, Collection<String> externalIds, Instant now) {
    try (Connection connection = database.managed().getConnection()) {
      Map<String, Long> ids = select(connection, tenantId, externalIds);
      if (knownIds.size() > 200_000) {
        knownIds.clear();
      }
      ids.forEach((externalId, id) -> knownIds.put(tenantId + "/" + externalId, id));
      if (ids.size() < externalIds.size()) {
        List<String> missing = externalIds.stream().filter(e -> !ids.containsKey(e)).toList();
        try (PreparedStatement insert =
            connection.prepareStatement(
                "insert into customer (tenant_id, external_id, attributes, consent_email, consent_sms,"
                    + " created_at, updated_at, version) values (?, ?, '{}', false, false, ?, ?, 0)"
                    + " on conflict do nothing")) {
          Timestamp at = Timestamp.from(now);
          for (String externalId : missing) {
            insert.setLong(1, tenantId);
            insert.setString(2, externalId);
            insert.setTimestamp(3, at);
            insert.setTimestamp(4, at);
            insert.addBatch();
          }
          insert.executeBatch();
        }
        ids.putAll(select(connection, tenantId, missing));
      }
      return ids;
    } catch (SQLException e) {
      throw new PersistenceException("Cannot resolve customers", e);
    }
  }

  private static Map<String, Long> select(
      Connection connection, long tenantId, Collection<String> ids) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "select external_id, id from customer where tenant_id = ? and external_id = any(?)")) {
      select.setLong(1, tenantId);
      select.setArray(2, connection.createArrayOf("varchar", ids.toArray()));
      Map<String, Long> found = new HashMap<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found.put(rows.getString(1), rows.getLong(2));
        }
      }
      return found;
    }
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
