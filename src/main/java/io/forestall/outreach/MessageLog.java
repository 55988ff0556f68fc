package io.forestall.outreach;

import io.forestall.audit.AuditLog;
import io.forestall.kernel.Allowed;
import io.forestall.kernel.ConflictException;
import io.forestall.kernel.NotFoundException;
import io.forestall.kernel.Role;
import io.forestall.kernel.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * The current tenant's messages: a case's, oldest first, and the outbox's troubles (dead, not sent,
 * held back) with their reasons; a tenant admin sends a dead message again.
 */
@ApplicationScoped
@Transactional
@Allowed({Role.TENANT_ADMIN, Role.AGENT, Role.VIEWER})
public class MessageLog {

  @PersistenceContext EntityManager em;
  @Inject AuditLog audit;
  @Inject Clock clock;

  public List<OutreachMessage> ofCase(long caseId) {
    return em.createQuery(
            "select m from OutreachMessage m where m.caseId = :id order by m.createdAt, m.id",
            OutreachMessage.class)
        .setParameter("id", caseId)
        .getResultList();
  }

  /** Messages in {@code state} (DEAD, SKIPPED or QUEUED), the most recently changed first. */
  public List<OutreachMessage> inState(String state, int offset, int limit) {
    return em.createQuery(
            "select m from OutreachMessage m where m.state = :state"
                + " order by m.updatedAt desc, m.id desc",
            OutreachMessage.class)
        .setParameter("state", state)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  /** Queues a dead message again, now, with a fresh count of attempts. */
  @Allowed(Role.TENANT_ADMIN)
  public void retry(long messageId) {
    OutreachMessage message = em.find(OutreachMessage.class, messageId);
    if (message == null) {
      throw new NotFoundException("Message", messageId);
    }
    if (!message.getState().equals("DEAD")) {
      throw new ConflictException(
          "Only a dead message is sent again; this one is " + message.getState());
    }
    em.createNativeQuery(
            "update outreach_message set state = 'QUEUED', attempts = 0, next_attempt_at = ?1,"
                + " reason = null, updated_at = ?1 where id = ?2 and tenant_id = ?3 and state = 'DEAD'")
        .setParameter(1, clock.instant())
        .setParameter(2, messageId)
        .setParameter(3, TenantContext.require().id())
        .executeUpdate();
    audit.record(
        "message",
        messageId,
        "Message of case " + message.getCaseId(),
        "retried",
        "DEAD",
        "QUEUED");
  }
}
