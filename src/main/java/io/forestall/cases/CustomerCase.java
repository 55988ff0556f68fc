package io.forestall.cases;

import io.forestall.kernel.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** A detection: which playbook version found which customer, why, and where the case stands. */
@Entity
@Table(name = "customer_case")
public class CustomerCase extends TenantOwnedEntity {

  @Column(name = "playbook_id", nullable = false, updatable = false)
  private Long playbookId;

  @Column(name = "playbook_version", nullable = false, updatable = false)
  private int playbookVersion;

  @Column(name = "scan_run_id", updatable = false)
  private Long scanRunId;

  @Column(name = "customer_id", nullable = false, updatable = false)
  private Long customerId;

  @Column(name = "window_key", nullable = false, updatable = false)
  private String windowKey;

  @Column(nullable = false, updatable = false)
  private String level;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CaseState state;

  @Column(nullable = false)
  private int priority;

  @Column(nullable = false, updatable = false)
  private boolean holdout;

  @Column(nullable = false, updatable = false)
  private String summary;

  @Column(nullable = false, updatable = false)
  private String evidence;

  @Column(updatable = false)
  private Integer complexity;

  @Column(name = "root_cause")
  private String rootCause;

  @Column(name = "react_on", updatable = false)
  private String reactOn;

  @Column(name = "detected_at", nullable = false, updatable = false)
  private Instant detectedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "responded_at")
  private Instant respondedAt;

  @Column(name = "resolved_at")
  private Instant resolvedAt;

  @Column(name = "verified_at")
  private Instant verifiedAt;

  @Column(name = "repeat_contacts", nullable = false)
  private int repeatContacts;

  @Column(name = "verify_window_seconds", nullable = false, updatable = false)
  private long verifyWindowSeconds;

  @Column(name = "verify_until")
  private Instant verifyUntil;

  @Column(name = "reopened_at")
  private Instant reopenedAt;

  protected CustomerCase() {}

  /**
   * Moves the case to {@code next}, noting when it was answered, resolved (and until when a contact
   * reopens it) or verified.
   */
  void moveTo(CaseState next, Instant at) {
    state = next;
    updatedAt = at;
    if (next == CaseState.RESPONDED && respondedAt == null) {
      respondedAt = at;
    } else if (next == CaseState.RESOLVED) {
      resolvedAt = at;
      verifyUntil = at.plus(getVerifyWindow());
    } else if (next == CaseState.VERIFIED) {
      verifiedAt = at;
    }
  }

  void fileUnder(String cause) {
    rootCause = cause;
  }

  public Long getPlaybookId() {
    return playbookId;
  }

  public int getPlaybookVersion() {
    return playbookVersion;
  }

  public Long getScanRunId() {
    return scanRunId;
  }

  public Long getCustomerId() {
    return customerId;
  }

  public String getWindowKey() {
    return windowKey;
  }

  public String getLevel() {
    return level;
  }

  public CaseState getState() {
    return state;
  }

  public int getPriority() {
    return priority;
  }

  public boolean isHoldout() {
    return holdout;
  }

  public String getSummary() {
    return summary;
  }

  public String getEvidence() {
    return evidence;
  }

  public Integer getComplexity() {
    return complexity;
  }

  public String getRootCause() {
    return rootCause;
  }

  public String getReactOn() {
    return reactOn;
  }

  public Instant getDetectedAt() {
    return detectedAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public Instant getRespondedAt() {
    return respondedAt;
  }

  public Instant getResolvedAt() {
    return resolvedAt;
  }

  public Instant getVerifiedAt() {
    return verifiedAt;
  }

  public int getRepeatContacts() {
    return repeatContacts;
  }

  /** How long after resolution (or, held out, after detection) a contact counts as a repeat. */
  public Duration getVerifyWindow() {
    return Duration.ofSeconds(verifyWindowSeconds);
  }

  /** When the verify window of the current resolution (or holdout) ends; null before. */
  public Instant getVerifyUntil() {
    return verifyUntil;
  }

  public Instant getReopenedAt() {
    return reopenedAt;
  }
}
