package io.forestall.playbooks;

import io.forestall.kernel.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** One scan of a playbook: when, how long, how many customers examined, matched and new cases. */
@Entity
@Table(name = "scan_run")
public class ScanRun extends TenantOwnedEntity {

  @Column(name = "playbook_id", nullable = false, updatable = false)
  private Long playbookId;

  @Column(name = "playbook_version", nullable = false, updatable = false)
  private int playbookVersion;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private ScanMode mode;

  @Column(nullable = false)
  private boolean incremental;

  @Column(nullable = false, updatable = false)
  private String node;

  @Column(name = "started_at", nullable = false, updatable = false)
  private Instant startedAt;

  @Column(name = "duration_ms")
  private Long durationMs;

  private Integer examined;
  private Integer matched;
  private Integer created;
  private String error;

  protected ScanRun() {}

  ScanRun(Long playbookId, int playbookVersion, ScanMode mode, String node, Instant startedAt) {
    this.playbookId = playbookId;
    this.playbookVersion = playbookVersion;
    this.mode = mode;
    this.node = node;
    this.startedAt = startedAt;
  }

  void finish(boolean incremental, long durationMs, int examined, int matched, int created) {
    this.incremental = incremental;
    this.durationMs = durationMs;
    this.examined = examined;
    this.matched = matched;
    this.created = created;
  }

  void fail(long durationMs, String error) {
    this.durationMs = durationMs;
    this.error = error.length() > 2000 ? error.substring(0, 2000) : error;
  }

  public Long getPlaybookId() {
    return playbookId;
  }

  public int getPlaybookVersion() {
    return playbookVersion;
  }

  public ScanMode getMode() {
    return mode;
  }

  public boolean isIncremental() {
    return incremental;
  }

  public String getNode() {
    return node;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Long getDurationMs() {
    return durationMs;
  }

  public Integer getExamined() {
    return examined;
  }

  public Integer getMatched() {
    return matched;
  }

  public Integer getCreated() {
    return created;
  }

  public String getError() {
    return error;
  }
}
