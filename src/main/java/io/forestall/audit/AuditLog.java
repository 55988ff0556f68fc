package io.forestall.audit;

import io.forestall.kernel.Allowed;
import io.forestall.kernel.Caller;
import io.forestall.kernel.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Writes and reads the current tenant's audit log. Entries are written in the caller's transaction,
 * so a change and its entry commit or roll back together.
 */
@ApplicationScoped
public class AuditLog {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /** Records a change by the current caller; {@code before} or {@code after} may be null. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      String subjectType,
      Object subjectId,
      String subjectName,
      String action,
      String before,
      String after) {
    String actor = Caller.current().map(Caller::displayName).orElse("Forestall");
    em.persist(
        new AuditEntry(
            clock.instant(),
            actor,
            subjectType,
            String.valueOf(subjectId),
            subjectName,
            action,
            before,
            after));
  }

  /** Newest first; {@code subjectType} narrows to one kind of subject when set. */
  @Allowed(Role.TENANT_ADMIN)
  @Transactional
  public List<AuditEntry> list(String subjectType, int offset, int limit) {
    String where = subjectType == null ? "" : " where a.subjectType = :type";
    TypedQuery<AuditEntry> query =
        em.createQuery(
            "select a from AuditEntry a" + where + " order by a.at desc, a.id desc",
            AuditEntry.class);
    if (subjectType != null) {
      query.setParameter("type", subjectType);
    }
    return query.setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  @Allowed(Role.TENANT_ADMIN)
  @Transactional
  public long count(String subjectType) {
    if (subjectType == null) {
      return em.createQuery("select count(a) from AuditEntry a", Long.class).getSingleResult();
    }
    return em.createQuery(
            "select count(a) from AuditEntry a where a.subjectType = :type", Long.class)
        .setParameter("type", subjectType)
        .getSingleResult();
  }
}
