package io.forestall.playbooks;

import io.forestall.kernel.Allowed;
import io.forestall.kernel.Role;
import io.forestall.kernel.TenantContext;
import io.forestall.kernel.Violation;
import io.forestall.kernel.ViolationException;
import io.forestall.triggers.ComplaintSettings;
import io.forestall.triggers.Match;
import io.forestall.triggers.ScanScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Scans playbooks for the current tenant: a real scan records cases and its run; a dry run answers
 * who would match now and why, creating nothing.
 */
@ApplicationScoped
@Allowed({Role.TENANT_ADMIN, Role.AGENT, Role.VIEWER})
public class ScanService {

  @Inject ScanExecution execution;
  @Inject PlaybookService playbooks;
  @Inject ComplaintSettings complaints;
  @Inject Clock clock;
  @PersistenceContext EntityManager em;

  /** Scans the published version now; a failure is logged on the run and rethrown. */
  @Allowed(Role.TENANT_ADMIN)
  public ScanRun scan(long playbookId, ScanMode mode) {
    long runId = execution.start(playbookId, mode);
    try {
      return execution.run(runId);
    } catch (RuntimeException e) {
      execution.fail(runId, e);
      throw e;
    }
  }

  /**
   * Runs again the scheduled scan that a node stopped in the middle of: its unfinished run is
   * marked interrupted, and a new one does the work, which then commits once.
   */
  @Allowed(Role.TENANT_ADMIN)
  public ScanRun rescan(long playbookId) {
    execution.interrupted(playbookId);
    return scan(playbookId, ScanMode.SCHEDULED);
  }

  /** A dry run's answer: the moment it looked at and who matched then, with evidence. */
  public record DryRun(Instant asOf, List<Match> matches) {}

  /**
   * Who {@code definition} would find now, ignoring cooldowns; nothing is stored. The editor runs
   * it on its unsaved form.
   */
  @Transactional
  public DryRun dryRun(PlaybookDefinition definition) {
    List<Violation> violations = DefinitionRules.check(definition);
    if (!violations.isEmpty()) {
      throw new ViolationException("playbook", violations);
    }
    Instant asOf = clock.instant();
    return new DryRun(
        asOf,
        execution.matches(
            definition.trigger(),
            ScanScope.preview(TenantContext.require().id(), asOf),
            complaints.get()));
  }

  /** A dry run of the playbook's draft. */
  @Transactional
  public DryRun dryRun(long playbookId) {
    return dryRun(playbooks.draft(playbooks.get(playbookId)));
  }

  /** The playbook's runs, newest first. */
  @Transactional
  public List<ScanRun> runs(long playbookId, int limit) {
    playbooks.get(playbookId);
    return em.createQuery(
            "select r from ScanRun r where r.playbookId = :id order by r.startedAt desc, r.id desc",
            ScanRun.class)
        .setParameter("id", playbookId)
        .setMaxResults(limit)
        .getResultList();
  }
}
