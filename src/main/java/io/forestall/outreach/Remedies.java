package io.forestall.outreach;

import io.forestall.cases.CaseRow;
import io.forestall.cases.CaseService;
import io.forestall.cases.CaseTransitions;
import io.forestall.cases.ContactWatch;
import io.forestall.cases.TaskWanted;
import io.forestall.kernel.Allowed;
import io.forestall.kernel.Caller;
import io.forestall.kernel.ConflictException;
import io.forestall.kernel.IntegrationEvent;
import io.forestall.kernel.IntegrationEventDelivered;
import io.forestall.kernel.Role;
import io.forestall.kernel.TenantContext;
import io.forestall.kernel.TenantKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * PRE_EMPT: a case's messages wait until the tenant's system confirms it did the remedy, by the
 * cases API or by answering the {@code remedy.requested} webhook with a 2xx status, as the playbook
 * says; then the customer is told. A remedy that failed sends nothing and goes to an agent.
 */
@ApplicationScoped
@Transactional
public class Remedies {

  @PersistenceContext EntityManager em;
  @Inject CaseService cases;
  @Inject CaseTransitions transitions;
  @Inject Event<TaskWanted> tasks;
  @Inject OutreachPlans plans;
  @Inject Clock clock;

  /** The tenant's system says whether the remedy was done; the customer hears only if it was. */
  @Allowed({Role.TENANT_ADMIN, Role.AGENT})
  public void confirm(long caseId, boolean done, String note) {
    CaseRow row = cases.get(caseId);
    if (!"PRE_EMPT".equals(row.getCase().getLevel())) {
      throw new ConflictException("Case " + caseId + " is not a PRE_EMPT case: it has no remedy");
    }
    int released = done ? release(caseId, null) : cancel(caseId, note);
    if (released == 0) {
      throw new ConflictException("The remedy of case " + caseId + " was confirmed already");
    }
    String said = note == null || note.isBlank() ? "" : ": " + note.strip();
    transitions.note(
        caseId, done ? "The remedy was done" + said : "The remedy could not be done" + said);
    if (!done) {
      tasks.fire(
          new TaskWanted(
              caseId,
              TaskWanted.DECLINED_REMEDY,
              plans
                  .find(row.getCase().getPlaybookId(), row.getCase().getPlaybookVersion())
                  .map(OutreachPlan::followUpTeam)
                  .orElseThrow(),
              1,
              clock.instant().plus(ContactWatch.TARGET),
              "The remedy could not be done" + said));
    }
  }

  /** A 2xx answer to a {@code remedy.requested} webhook confirms a remedy that waits for one. */
  void answered(@Observes IntegrationEventDelivered delivered) {
    if (!IntegrationEvent.REMEDY_REQUESTED.equals(delivered.type())
        || !delivered.subject().startsWith("case_")) {
      return;
    }
    long caseId = Long.parseLong(delivered.subject().substring("case_".length()));
    if (TenantContext.current().map(TenantKey::id).orElse(-1L) != delivered.tenantId()) {
      return;
    }
    Caller.runAs(
        Caller.SYSTEM,
        () -> {
          if (release(caseId, "WEBHOOK") > 0) {
            transitions.note(
                caseId, "The remedy was done: the tenant's system answered " + delivered.status());
          }
        });
  }

  /** Queues the case's waiting messages now; only those waiting for {@code awaiting} if given. */
  private int release(long caseId, String awaiting) {
    var update =
        em.createNativeQuery(
                "update outreach_message set state = 'QUEUED', next_attempt_at = ?, updated_at = ?"
                    + " where tenant_id = ? and case_id = ? and state = 'WAITING'"
                    + " and awaiting = coalesce(cast(? as varchar(16)), awaiting)")
            .setParameter(1, clock.instant())
            .setParameter(2, clock.instant())
            .setParameter(3, TenantContext.require().id())
            .setParameter(4, caseId)
            .setParameter(5, awaiting);
    return update.executeUpdate();
  }

  private int cancel(long caseId, String note) {
    return em.createNativeQuery(
            "update outreach_message set state = 'SKIPPED', reason = ?, updated_at = ?"
                + " where tenant_id = ? and case_id = ? and state = 'WAITING'")
        .setParameter(1, "the remedy could not be done" + (note == null ? "" : ": " + note))
        .setParameter(2, clock.instant())
        .setParameter(3, TenantContext.require().id())
        .setParameter(4, caseId)
        .executeUpdate();
  }
}
