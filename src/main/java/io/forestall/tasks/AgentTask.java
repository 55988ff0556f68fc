package io.forestall.tasks;

import io.forestall.cases.TaskWanted;
import io.forestall.kernel.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * Work for an agent that a case created: its team, priority and SLA due time, one owner at a time,
 * and the outcome it was closed with. Only the tasks feature changes a task, by conditional
 * updates.
 */
@Entity
@Table(name = "agent_task")
public class AgentTask extends TenantOwnedEntity {

  /** A REACT case whose customer made contact. */
  public static final String REACT = "REACT";

  /** A complaint scored complex: to the skilled team at once. */
  public static final String COMPLEX_COMPLAINT = "COMPLEX_COMPLAINT";

  /** A simple complaint: the frontline, with a 5-minute target. */
  public static final String SIMPLE_COMPLAINT = "SIMPLE_COMPLAINT";

  /** The customer asked for an agent on the action page. */
  public static final String TALK_TO_AGENT = TaskWanted.TALK_TO_AGENT;

  /** The customer declined (undid) a remedy that was performed for them. */
  public static final String DECLINED_REMEDY = TaskWanted.DECLINED_REMEDY;

  /** A message to the customer could not be sent. */
  public static final String FAILED_SEND = TaskWanted.FAILED_SEND;

  /** Every kind of task. */
  public static final List<String> KINDS =
      List.of(
          REACT, COMPLEX_COMPLAINT, SIMPLE_COMPLAINT, TALK_TO_AGENT, DECLINED_REMEDY, FAILED_SEND);

  /** Waiting for or with an agent; it may have an owner. */
  public static final String OPEN = "OPEN";

  /** Closed with an outcome. */
  public static final String DONE = "DONE";

  @Column(name = "case_id", nullable = false, updatable = false)
  private Long caseId;

  @Column(nullable = false, updatable = false)
  private String kind;

  @Column(nullable = false)
  private String team;

  @Column(nullable = false)
  private int priority;

  @Column(nullable = false)
  private String status;

  @Column(nullable = false, updatable = false)
  private String summary;

  @Column(name = "due_at", nullable = false)
  private Instant dueAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column private String owner;

  @Column(name = "owner_name")
  private String ownerName;

  @Column(name = "claimed_at")
  private Instant claimedAt;

  @Column private String outcome;

  @Column(name = "root_cause")
  private String rootCause;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "closed_by")
  private String closedBy;

  protected AgentTask() {}

  public Long getCaseId() {
    return caseId;
  }

  public String getKind() {
    return kind;
  }

  public String getTeam() {
    return team;
  }

  public int getPriority() {
    return priority;
  }

  public String getStatus() {
    return status;
  }

  public String getSummary() {
    return summary;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  /** The username of the agent working it, or null while nobody has claimed it. */
  public String getOwner() {
    return owner;
  }

  public String getOwnerName() {
    return ownerName;
  }

  public Instant getClaimedAt() {
    return claimedAt;
  }

  public boolean isDone() {
    return DONE.equals(status);
  }

  /** RESOLVED, NOT_RESOLVED or NO_ACTION once done. */
  public String getOutcome() {
    return outcome;
  }

  public String getRootCause() {
    return rootCause;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public String getClosedBy() {
    return closedBy;
  }
}
