package io.forestall.cases;

import io.forestall.kernel.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step on a case's timeline: the state it moved to, who moved it, and why. */
@Entity
@Table(name = "case_step")
public class CaseStep extends TenantOwnedEntity {

  @Column(name = "case_id", nullable = false, updatable = false)
  private Long caseId;

  @Column(nullable = false, updatable = false)
  private Instant at;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private CaseState state;

  @Column(nullable = false, updatable = false)
  private String actor;

  @Column(updatable = false)
  private String note;

  protected CaseStep() {}

  CaseStep(long caseId, Instant at, CaseState state, String actor, String note) {
    this.caseId = caseId;
    this.at = at;
    this.state = state;
    this.actor = actor;
    this.note = note == null || note.length() <= 2000 ? note : note.substring(0, 2000);
  }

  public Long getCaseId() {
    return caseId;
  }

  public Instant getAt() {
    return at;
  }

  public CaseState getState() {
    return state;
  }

  public String getActor() {
    return actor;
  }

  public String getNote() {
    return note;
  }
}
