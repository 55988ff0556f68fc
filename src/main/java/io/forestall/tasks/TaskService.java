package io.forestall.tasks;

import io.forestall.audit.AuditLog;
import io.forestall.cases.CaseState;
import io.forestall.cases.CaseTransitions;
import io.forestall.cases.CustomerCase;
import io.forestall.kernel.AccessDeniedException;
import io.forestall.kernel.Allowed;
import io.forestall.kernel.Caller;
import io.forestall.kernel.ConflictException;
import io.forestall.kernel.NotFoundException;
import io.forestall.kernel.Role;
import io.forestall.kernel.TenantContext;
import io.forestall.kernel.Violation;
import io.forestall.kernel.ViolationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The current tenant's agent work: the queue, and one owner per task at a time. Every change is a
 * conditional update (on the task being unowned, or on the version that was read), so of two agents
 * acting at once one wins and the other is told who did; each is audited and noted on the case's
 * timeline in the same transaction.
 */
@ApplicationScoped
@Transactional
@Allowed({Role.TENANT_ADMIN, Role.AGENT, Role.VIEWER})
public class TaskService {

  public static final int ROOT_CAUSE_MAX = 120;
  public static final int NOTE_MAX = 2000;

  /** Keycloak usernames as agents type them. */
  private static final Pattern USERNAME = Pattern.compile("[\\p{Alnum}._@+-]{1,100}");

  private static final String FROM =
      " from AgentTask t join CustomerCase c on c.id = t.caseId"
          + " join Customer cu on cu.id = c.customerId join Playbook p on p.id = c.playbookId";
  private static final String WHERE =
      " where (:team is null or t.team = :team) and (:status is null or t.status = :status)"
          + " and (:owner is null or t.owner = :owner)";

  @PersistenceContext EntityManager em;
  @Inject AgentTaskService opening;
  @Inject CaseTransitions transitions;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** A case's tasks, oldest first. */
  public List<AgentTask> ofCase(long caseId) {
    return em.createQuery(
            "select t from AgentTask t where t.caseId = :id order by t.createdAt", AgentTask.class)
        .setParameter("id", caseId)
        .getResultList();
  }

  /** Open tasks, most urgent first: priority, then the nearest due time. */
  public List<AgentTask> openTasks(int limit) {
    return em.createQuery(
            "select t from AgentTask t where t.status = 'OPEN' order by t.priority, t.dueAt",
            AgentTask.class)
        .setMaxResults(limit)
        .getResultList();
  }

  /** Open tasks most urgent first (priority, then the nearest due time); done ones newest first. */
  public List<TaskRow> list(TaskQuery query) {
    String order =
        AgentTask.DONE.equals(query.status())
            ? " order by t.closedAt desc, t.id desc"
            : " order by t.priority, t.dueAt, t.id";
    TypedQuery<Object[]> select =
        em.createQuery(
            "select t, c.state, cu.externalId, cu.name, p.name" + FROM + WHERE + order,
            Object[].class);
    return bind(select, query)
        .setFirstResult(query.offset())
        .setMaxResults(query.limit())
        .getResultList()
        .stream()
        .map(TaskService::row)
        .toList();
  }

  public long count(TaskQuery query) {
    return bind(em.createQuery("select count(t)" + FROM + WHERE, Long.class), query)
        .getSingleResult();
  }

  public TaskRow get(long id) {
    return em
        .createQuery(
            "select t, c.state, cu.externalId, cu.name, p.name" + FROM + " where t.id = :id",
            Object[].class)
        .setParameter("id", id)
        .getResultList()
        .stream()
        .findFirst()
        .map(TaskService::row)
        .orElseThrow(() -> new NotFoundException("Task", id));
  }

  /** The teams that have tasks, by name. */
  public List<String> teams() {
    return em.createQuery("select distinct t.team from AgentTask t order by t.team", String.class)
        .getResultList();
  }

  /** A task's notes, oldest first. */
  public List<TaskNote> notes(long taskId) {
    find(taskId);
    return em.createQuery(
            "select n from TaskNote n where n.taskId = :id order by n.at, n.id", TaskNote.class)
        .setParameter("id", taskId)
        .getResultList();
  }

  /** Root causes the tenant already uses (on cases and closed tasks) containing {@code text}. */
  public List<String> rootCauses(String text, int limit) {
    String like = "%" + (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) + "%";
    TreeSet<String> causes = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (String entity : List.of("CustomerCase", "AgentTask")) {
      causes.addAll(
          em.createQuery(
                  "select distinct x.rootCause from "
                      + entity
                      + " x where x.rootCause is not null and lower(x.rootCause) like :like",
                  String.class)
              .setParameter("like", like)
              .setMaxResults(limit)
              .getResultList());
    }
    return causes.stream().limit(limit).toList();
  }

  /** Usernames of the agents who have owned the tenant's tasks, for reassigning. */
  public List<String> owners() {
    return em.createQuery(
            "select distinct t.owner from AgentTask t where t.owner is not null order by t.owner",
            String.class)
        .getResultList();
  }

  /**
   * Opens a task for one of the tenant's cases, or answers the one of that kind it has; see {@link
   * AgentTaskService#open}.
   */
  @Allowed({Role.TENANT_ADMIN, Role.AGENT})
  public AgentTaskService.Opened open(
      long caseId, String kind, String team, int priority, Instant due, String summary) {
    AgentTaskService.Opened opened = opening.open(caseId, kind, team, priority, due, summary);
    if (opened.created()) {
      record(opened.task(), "opened", null, opened.task().getTeam(), null);
    }
    return opened;
  }

  /**
   * Makes the calling person the task's only owner. Claiming one's own task again changes nothing;
   * a task someone else holds, or a closed one, is a conflict naming why.
   */
  @Allowed({Role.TENANT_ADMIN, Role.AGENT})
  public TaskRow claim(long id) {
    AgentTask task = find(id);
    Caller me = Caller.requirePerson("A person claims a task; an integration reassigns it to one");
    // Of concurrent claims the database lets one update the unowned row; the others match nothing.
    int claimed =
        em.createNativeQuery(
                "update agent_task set owner = ?1, owner_name = ?2, claimed_at = ?3,"
                    + " version = version + 1 where id = ?4 and tenant_id = ?5"
                    + " and status = 'OPEN' and owner is null")
            .setParameter(1, me.username())
            .setParameter(2, me.displayName())
            .setParameter(3, clock.instant())
            .setParameter(4, id)
            .setParameter(5, TenantContext.require().id())
            .executeUpdate();
    em.refresh(task);
    if (claimed == 0) {
      if (me.username().equals(task.getOwner()) && !task.isDone()) {
        return get(id);
      }
      throw conflict(task);
    }
    record(task, "claimed", null, me.username(), "Claimed task " + id);
    return get(id);
  }

  /** Gives the task back to its team's queue; its owner or a tenant admin may. */
  @Allowed({Role.TENANT_ADMIN, Role.AGENT})
  public TaskRow release(long id) {
    AgentTask task = find(id);
    checkMayChange(task);
    if (task.getOwner() == null) {
      return get(id);
    }
    String before = task.getOwner();
    update(
        task,
        "owner = null, owner_name = null, claimed_at = null",
        List.of(),
        "released",
        before,
        null,
        "Released task " + id + " (was " + task.getOwnerName() + ")");
    return get(id);
  }

  /**
   * Hands the task to another agent of the tenant by username; its owner, anyone while it is
   * unowned, or a tenant admin may.
   */
  @Allowed({Role.TENANT_ADMIN, Role.AGENT})
  public TaskRow reassign(long id, String owner) {
    AgentTask task = find(id);
    String username = owner == null ? "" : owner.strip();
    if (!USERNAME.matcher(username).matches()) {
      throw new ViolationException(
          "reassignment",
          List.of(
              new Violation(
                  "/owner",
                  "must be an agent's username: 1 to 100 letters, digits and . _ @ + -")));
    }
    checkMayChange(task);
    if (username.equals(task.getOwner())) {
      return get(id);
    }
    String name = nameOf(username);
    update(
        task,
        "owner = ?1, owner_name = ?2, claimed_at = ?3",
        List.of(username, name, clock.instant()),
        "reassigned",
        task.getOwner(),
        username,
        "Reassigned task " + id + " to " + name);
    return get(id);
  }

  /** Adds a note to the task, and to its case's timeline. */
  @Allowed({Role.TENANT_ADMIN, Role.AGENT})
  public TaskNote note(long id, String text) {
    AgentTask task = find(id);
    String body = text == null ? "" : text.strip();
    if (body.isEmpty() || body.length() > NOTE_MAX) {
      throw new ViolationException(
          "note",
          List.of(new Violation("/text", "is required, at most " + NOTE_MAX + " characters")));
    }
    Caller me = caller();
    TaskNote note = new TaskNote(id, clock.instant(), me.username(), me.displayName(), body);
    em.persist(note);
    record(task, "noted", null, body, "Note on task " + id + ": " + body);
    return note;
  }

  /**
   * Closes the task with an outcome; RESOLVED resolves its case under {@code rootCause} (which it
   * needs), the others note the outcome on the case. Its owner, anyone while it is unowned, or a
   * tenant admin may.
   */
  @Allowed({Role.TENANT_ADMIN, Role.AGENT})
  public TaskRow close(long id, String outcome, String rootCause, String note) {
    AgentTask task = find(id);
    List<Violation> violations = new ArrayList<>();
    Outcome result = outcome(outcome);
    if (result == null) {
      violations.add(new Violation("/outcome", "must be one of " + List.of(Outcome.values())));
    }
    String cause = rootCause == null || rootCause.isBlank() ? null : rootCause.strip();
    if (cause != null && cause.length() > ROOT_CAUSE_MAX) {
      violations.add(
          new Violation("/rootCause", "must be at most " + ROOT_CAUSE_MAX + " characters"));
    } else if (cause == null && result == Outcome.RESOLVED) {
      violations.add(new Violation("/rootCause", "is required to resolve the case"));
    }
    String text = note == null || note.isBlank() ? null : note.strip();
    if (text != null && text.length() > NOTE_MAX) {
      violations.add(new Violation("/note", "must be at most " + NOTE_MAX + " characters"));
    }
    if (!violations.isEmpty()) {
      throw new ViolationException("closing", violations);
    }
    checkMayChange(task);
    Caller me = caller();
    String step =
        "Closed task "
            + id
            + ": "
            + result
            + (cause == null ? "" : " (root cause: " + cause + ")")
            + (text == null ? "" : ". " + text);
    List<Object> values =
        new ArrayList<>(
            List.of(
                result.name(), clock.instant(), me.displayName(), me.username(), me.displayName()));
    if (cause != null) {
      values.add(cause);
    }
    update(
        task,
        "status = 'DONE', outcome = ?1, closed_at = ?2, closed_by = ?3,"
            + " owner = coalesce(owner, ?4), owner_name = coalesce(owner_name, ?5),"
            + " claimed_at = coalesce(claimed_at, ?2)"
            // A null parameter would be bound untyped, which PostgreSQL refuses.
            + (cause == null ? ", root_cause = null" : ", root_cause = ?6"),
        values,
        "closed",
        AgentTask.OPEN,
        result.name() + (cause == null ? "" : " / " + cause),
        null);
    CustomerCase c = em.find(CustomerCase.class, task.getCaseId());
    boolean resolvable =
        result == Outcome.RESOLVED
            && c.getState() != CaseState.RESOLVED
            && c.getState() != CaseState.VERIFIED;
    if (resolvable) {
      transitions.resolve(task.getCaseId(), cause, step);
    } else {
      transitions.note(task.getCaseId(), step);
    }
    return get(id);
  }

  /** RESOLVED, NOT_RESOLVED or NO_ACTION in any case; null for anything else. */
  private static Outcome outcome(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Outcome.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private AgentTask find(long id) {
    TenantContext.require();
    AgentTask task = em.find(AgentTask.class, id);
    if (task == null) {
      throw new NotFoundException("Task", id);
    }
    return task;
  }

  /** A closed task stays closed; someone else's task is changed only by a tenant admin. */
  private static void checkMayChange(AgentTask task) {
    if (task.isDone()) {
      throw conflict(task);
    }
    Caller me = caller();
    boolean mine = task.getOwner() == null || task.getOwner().equals(me.username());
    if (!mine && !me.hasAnyRole(Role.TENANT_ADMIN)) {
      throw new ConflictException(
          "Task "
              + task.getId()
              + " is claimed by "
              + task.getOwnerName()
              + "; only they or a tenant admin can change it");
    }
  }

  private static ConflictException conflict(AgentTask task) {
    if (task.isDone()) {
      return new ConflictException("Task " + task.getId() + " is already closed");
    }
    return new ConflictException(
        "Task " + task.getId() + " is already claimed by " + task.getOwnerName());
  }

  /**
   * Sets {@code assignments} (with parameters ?1 to ?n, bound to {@code values}) on the task if
   * nobody changed it since it was read, then audits it and notes {@code step} on its case's
   * timeline (unless null).
   */
  private void update(
      AgentTask task,
      String assignments,
      List<Object> values,
      String action,
      String before,
      String after,
      String step) {
    int n = values.size();
    var update =
        em.createNativeQuery(
            "update agent_task set "
                + assignments
                + ", version = version + 1 where id = ?"
                + (n + 1)
                + " and tenant_id = ?"
                + (n + 2)
                + " and version = ?"
                + (n + 3));
    for (int i = 0; i < n; i++) {
      update.setParameter(i + 1, values.get(i));
    }
    update.setParameter(n + 1, task.getId());
    update.setParameter(n + 2, TenantContext.require().id());
    update.setParameter(n + 3, task.getVersion());
    if (update.executeUpdate() == 0) {
      throw new ConflictException(
          "Task " + task.getId() + " was changed by someone else just now; reload it");
    }
    em.refresh(task);
    record(task, action, before, after, step);
  }

  private void record(AgentTask task, String action, String before, String after, String step) {
    audit.record(
        "task",
        task.getId(),
        "Task " + task.getId() + " (" + task.getKind() + ") of case " + task.getCaseId(),
        action,
        before,
        after);
    if (step != null) {
      transitions.note(task.getCaseId(), step);
    }
  }

  /** The name shown for an owner: the caller's own, or the one they last claimed under. */
  private String nameOf(String username) {
    Caller me = caller();
    if (username.equals(me.username())) {
      return me.displayName();
    }
    return em
        .createQuery(
            "select t.ownerName from AgentTask t where t.owner = :owner and t.ownerName is not null"
                + " order by t.claimedAt desc",
            String.class)
        .setParameter("owner", username)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst()
        .orElse(username);
  }

  private static Caller caller() {
    return Caller.current().orElseThrow(() -> new AccessDeniedException("Not signed in"));
  }

  private static TaskRow row(Object[] r) {
    return new TaskRow(
        (AgentTask) r[0], (CaseState) r[1], (String) r[2], (String) r[3], (String) r[4]);
  }

  private static <T> TypedQuery<T> bind(TypedQuery<T> query, TaskQuery filter) {
    return query
        .setParameter("team", filter.team())
        .setParameter("status", filter.status())
        .setParameter("owner", filter.owner());
  }
}
