package io.forestall.tasks;

import io.forestall.cases.CaseTransitions;
import io.forestall.cases.CustomerCase;
import io.forestall.cases.TaskWanted;
import io.forestall.kernel.NotFoundException;
import io.forestall.kernel.TenantContext;
import io.forestall.kernel.Violation;
import io.forestall.kernel.ViolationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens one agent task for a case of the current tenant: asked for by the API, or by another
 * feature through {@link TaskWanted}. Scans open their complaint tasks in sets through {@link
 * ComplaintTasks}.
 */
@ApplicationScoped
@Transactional
public class AgentTaskService {

  /** Priorities run from 1 (most urgent) to 5. */
  public static final int LOWEST_PRIORITY = 5;

  /** Teams are names such as "Frontline", as long as the column allows. */
  public static final int TEAM_MAX = 60;

  /** The task, and whether this call created it or found it already open for its case and kind. */
  public record Opened(AgentTask task, boolean created) {}

  @PersistenceContext EntityManager em;
  @Inject CaseTransitions transitions;
  @Inject Clock clock;

  /** Opens the task another feature asked for, in that feature's transaction. */
  void open(@Observes TaskWanted wanted) {
    open(
        wanted.caseId(),
        wanted.kind(),
        wanted.team(),
        wanted.priority(),
        wanted.due(),
        wanted.summary());
  }

  /**
   * Opens a task of {@code kind} for the case, or finds the one it has: a case gets each kind once
   * (the unique key decides between concurrent callers). {@code summary} defaults to the case's.
   */
  public Opened open(
      long caseId, String kind, String team, int priority, Instant due, String summary) {
    List<Violation> violations = new ArrayList<>();
    if (kind == null || !AgentTask.KINDS.contains(kind)) {
      violations.add(new Violation("/kind", "must be one of " + AgentTask.KINDS));
    }
    String teamName = team == null ? "" : team.strip();
    if (teamName.isEmpty() || teamName.length() > TEAM_MAX) {
      violations.add(new Violation("/team", "is required, at most " + TEAM_MAX + " characters"));
    }
    if (priority < 1 || priority > LOWEST_PRIORITY) {
      violations.add(new Violation("/priority", "must be from 1 to " + LOWEST_PRIORITY));
    }
    if (due == null) {
      violations.add(new Violation("/dueAt", "is required"));
    }
    if (!violations.isEmpty()) {
      throw new ViolationException("task", violations);
    }
    CustomerCase c = em.find(CustomerCase.class, caseId);
    if (c == null) {
      throw new NotFoundException("Case", caseId);
    }
    String text = summary == null || summary.isBlank() ? c.getSummary() : summary.strip();
    Instant now = clock.instant();
    int created =
        em.createNativeQuery(
                "insert into agent_task (tenant_id, case_id, kind, team, priority, status, summary,"
                    + " due_at, created_at) values (?1, ?2, ?3, ?4, ?5, 'OPEN', ?6, ?7, ?8)"
                    + " on conflict do nothing")
            .setParameter(1, TenantContext.require().id())
            .setParameter(2, caseId)
            .setParameter(3, kind)
            .setParameter(4, teamName)
            .setParameter(5, priority)
            .setParameter(6, text.length() <= 2000 ? text : text.substring(0, 1999) + "…")
            .setParameter(7, due)
            .setParameter(8, now)
            .executeUpdate();
    AgentTask task =
        em.createQuery(
                "select t from AgentTask t where t.caseId = :case and t.kind = :kind",
                AgentTask.class)
            .setParameter("case", caseId)
            .setParameter("kind", kind)
            .getSingleResult();
    if (created > 0) {
      transitions.note(caseId, "Task " + task.getId() + " opened for " + teamName + ": " + kind);
    }
    return new Opened(task, created > 0);
  }
}
