package io.forestall.tenants;

import io.forestall.kernel.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Tenants are not tenant-owned: only platform code and the request filter read them. */
@ApplicationScoped
public class TenantRepository {

  @PersistenceContext EntityManager em;

  public Optional<Tenant> findBySlug(String slug) {
    return em
        .createQuery("select t from Tenant t where t.slug = :slug", Tenant.class)
        .setParameter("slug", slug)
        .getResultList()
        .stream()
        .findFirst();
  }

  public Tenant get(long id) {
    Tenant tenant = em.find(Tenant.class, id);
    if (tenant == null) {
      throw new NotFoundException("Tenant", id);
    }
    return tenant;
  }

  public List<Tenant> all() {
    return em.createQuery("select t from Tenant t order by t.name", Tenant.class).getResultList();
  }

  void add(Tenant tenant) {
    em.persist(tenant);
  }
}
