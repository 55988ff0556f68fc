package io.forestall.outreach;

import io.forestall.kernel.Allowed;
import io.forestall.kernel.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** The current tenant's messages of a case, oldest first, with their states and reasons. */
@ApplicationScoped
@Transactional
@Allowed({Role.TENANT_ADMIN, Role.AGENT, Role.VIEWER})
public class MessageLog {

  @PersistenceContext EntityManager em;

  public List<OutreachMessage> ofCase(long caseId) {
    return em.createQuery(
            "select m from OutreachMessage m where m.caseId = :id order by m.createdAt, m.id",
            OutreachMessage.class)
        .setParameter("id", caseId)
        .getResultList();
  }
}
