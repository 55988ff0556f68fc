package io.forestall.cases;

import io.forestall.kernel.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** Work for an agent that a case created: its team, priority and SLA due time. */
@Entity
@Table(name = "agent_task")
public class AgentTask extends TenantOwnedEntity {

  /** A REACT case whose customer made contact. */
  public static final String REACT = "REACT";

  /** A complaint scored complex: to the skilled team at once. */
  public static final String COMPLEX_COMPLAINT = "COMPLEX_COMPLAINT";

  /** A simple complaint: the frontline, with a 5-minute target. */
  public static final String SIMPLE_COMPLAINT = "SIMPLE_COMPLAINT";

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
}
