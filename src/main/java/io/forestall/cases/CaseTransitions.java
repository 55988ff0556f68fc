package io.forestall.cases;

import io.forestall.kernel.Caller;
import io.forestall.kernel.ConflictException;
import io.forestall.kernel.IntegrationEvent;
import io.forestall.kernel.NotFoundException;
import io.forestall.kernel.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves one case of the current tenant along the closed loop, checked against where it stands; each
 * move is a step on its timeline, and a resolution is told to the tenant's integrations. Set-based
 * moves of many cases (verification, reopening) write their steps themselves.
 */
@ApplicationScoped
@Transactional
public class CaseTransitions {

  /** The states a customer's answer, an agent's or a remedy's confirmation may follow. */
  private static final Set<CaseState> ANSWERABLE =
      EnumSet.of(CaseState.DETECTED, CaseState.CONTACTED, CaseState.REOPENED);

  private static final Set<CaseState> RESOLVABLE =
      EnumSet.of(CaseState.DETECTED, CaseState.CONTACTED, CaseState.RESPONDED, CaseState.REOPENED);

  @PersistenceContext EntityManager em;
  @Inject Event<IntegrationEvent> integrations;
  @Inject Clock clock;

  /** The customer (or the tenant's system) answered; a case already past that keeps its state. */
  public void respond(long caseId, String note) {
    CustomerCase c = find(caseId);
    if (ANSWERABLE.contains(c.getState())) {
      move(c, CaseState.RESPONDED, note);
    } else {
      step(c, c.getState(), note);
    }
  }

  /** The problem is fixed; {@code rootCause}, when given, files the case on the problem board. */
  public void resolve(long caseId, String rootCause, String note) {
    CustomerCase c = find(caseId);
    if (!RESOLVABLE.contains(c.getState())) {
      throw new ConflictException("The case is " + c.getState() + " and cannot be resolved");
    }
    if (rootCause != null && !rootCause.isBlank()) {
      c.fileUnder(rootCause.strip());
    }
    move(c, CaseState.RESOLVED, note);
    Map<String, Object> data = new HashMap<>();
    data.put("caseId", c.getId());
    data.put("playbookId", c.getPlaybookId());
    if (c.getRootCause() != null) {
      data.put("rootCause", c.getRootCause());
    }
    integrations.fire(
        new IntegrationEvent(
            c.getTenantId(),
            IntegrationEvent.CASE_RESOLVED,
            "case_" + c.getId(),
            data,
            c.getResolvedAt()));
  }

  /**
   * The customer confirmed the problem is solved (accepted a fix or picked a self-service option):
   * answered and resolved at once; a case already resolved or past keeps its state.
   */
  public void confirm(long caseId, String note) {
    CustomerCase c = find(caseId);
    if (!RESOLVABLE.contains(c.getState())) {
      step(c, c.getState(), note);
      return;
    }
    if (c.getState() != CaseState.RESPONDED) {
      move(c, CaseState.RESPONDED, note);
    }
    resolve(caseId, null, null);
  }

  /**
   * The customer confirmed the fix before its verify window ended; otherwise the daily sweep
   * verifies a resolved case once the window passes without a repeat contact.
   */
  public void verify(long caseId, String note) {
    CustomerCase c = find(caseId);
    if (c.getState() != CaseState.RESOLVED) {
      throw new ConflictException("The case is " + c.getState() + " and cannot be verified");
    }
    move(c, CaseState.VERIFIED, note);
  }

  /** Notes something on the case's timeline without moving it. */
  public void note(long caseId, String note) {
    CustomerCase c = find(caseId);
    step(c, c.getState(), note);
  }

  /** The case's timeline, oldest first. */
  public List<CaseStep> timeline(long caseId) {
    return em.createQuery(
            "select s from CaseStep s where s.caseId = :id order by s.at, s.id", CaseStep.class)
        .setParameter("id", caseId)
        .getResultList();
  }

  private CustomerCase find(long caseId) {
    TenantContext.require();
    CustomerCase c = em.find(CustomerCase.class, caseId);
    if (c == null) {
      throw new NotFoundException("Case", caseId);
    }
    return c;
  }

  private void move(CustomerCase c, CaseState next, String note) {
    Instant now = clock.instant();
    c.moveTo(next, now);
    em.persist(new CaseStep(c.getId(), now, next, actor(), note));
  }

  private void step(CustomerCase c, CaseState state, String note) {
    em.persist(new CaseStep(c.getId(), clock.instant(), state, actor(), note));
  }

  private static String actor() {
    return Caller.current().map(Caller::displayName).orElse(Caller.SYSTEM.displayName());
  }
}
