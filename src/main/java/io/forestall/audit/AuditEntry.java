package io.forestall.audit;

import io.forestall.kernel.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change to a tenant's configuration, with the state before and after as JSON. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends TenantOwnedEntity {

  @Column(nullable = false)
  private Instant at;

  @Column(nullable = false)
  private String actor;

  @Column(name = "subject_type", nullable = false)
  private String subjectType;

  @Column(name = "subject_id", nullable = false)
  private String subjectId;

  @Column(name = "subject_name", nullable = false)
  private String subjectName;

  @Column(nullable = false)
  private String action;

  @Column(name = "before_state")
  private String before;

  @Column(name = "after_state")
  private String after;

  protected AuditEntry() {}

  AuditEntry(
      Instant at,
      String actor,
      String subjectType,
      String subjectId,
      String subjectName,
      String action,
      String before,
      String after) {
    this.at = at;
    this.actor = actor;
    this.subjectType = subjectType;
    this.subjectId = subjectId;
    this.subjectName = subjectName;
    this.action = action;
    this.before = before;
    this.after = after;
  }

  public Instant getAt() {
    return at;
  }

  public String getActor() {
    return actor;
  }

  public String getSubjectType() {
    return subjectType;
  }

  public String getSubjectId() {
    return subjectId;
  }

  public String getSubjectName() {
    return subjectName;
  }

  public String getAction() {
    return action;
  }

  public String getBefore() {
    return before;
  }

  public String getAfter() {
    return after;
  }
}
