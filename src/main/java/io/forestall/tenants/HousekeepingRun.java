package io.forestall.tenants;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One run of the nightly tenant housekeeping: when, on which node, and what it found. */
@Entity
@Table(name = "housekeeping_run")
public class HousekeepingRun {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "finished_at", nullable = false)
  private Instant finishedAt;

  @Column(nullable = false, length = 200)
  private String node;

  @Column(name = "active_tenants", nullable = false)
  private int activeTenants;

  @Column(name = "suspended_tenants", nullable = false)
  private int suspendedTenants;

  @Column(name = "purged_runs", nullable = false)
  private int purgedRuns;

  protected HousekeepingRun() {}

  HousekeepingRun(
      Instant startedAt, Instant finishedAt, String node, int active, int suspended, int purged) {
    this.startedAt = startedAt;
    this.finishedAt = finishedAt;
    this.node = node;
    this.activeTenants = active;
    this.suspendedTenants = suspended;
    this.purgedRuns = purged;
  }

  public Long getId() {
    return id;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  public String getNode() {
    return node;
  }

  public int getActiveTenants() {
    return activeTenants;
  }

  public int getSuspendedTenants() {
    return suspendedTenants;
  }

  public int getPurgedRuns() {
    return purgedRuns;
  }
}
