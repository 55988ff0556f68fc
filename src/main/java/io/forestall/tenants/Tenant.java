package io.forestall.tenants;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;

/**
 * A business using Forestall. Its slug is fixed at creation: it is the {@code tenant} claim of its
 * users.
 */
@Entity
@Table(name = "tenant")
public class Tenant implements Serializable {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, updatable = false, length = 63)
  private String slug;

  @Column(nullable = false, length = 120)
  private String name;

  @Column(name = "time_zone", nullable = false, length = 64)
  private String timeZone;

  @Column(nullable = false, length = 16)
  private String locale;

  @Column(nullable = false, length = 32)
  private String theme;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private TenantStatus status;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  /** Ingest requests per second this tenant may send (API and webhooks together), per node. */
  @Column(name = "ingest_rate_limit", nullable = false)
  private int ingestRateLimit = 200;

  /** How long this tenant's events are kept. */
  @Column(name = "event_retention_days", nullable = false)
  private int eventRetentionDays = 400;

  @Version private long version;

  protected Tenant() {}

  Tenant(String slug, String name, String timeZone, String locale, String theme, Instant now) {
    this.slug = slug;
    this.name = name;
    this.timeZone = timeZone;
    this.locale = locale;
    this.theme = theme;
    this.status = TenantStatus.ACTIVE;
    this.createdAt = now;
  }

  void rename(String name) {
    this.name = name;
  }

  void configure(String timeZone, String locale, String theme) {
    this.timeZone = timeZone;
    this.locale = locale;
    this.theme = theme;
  }

  void limitIngest(int requestsPerSecond) {
    this.ingestRateLimit = requestsPerSecond;
  }

  void keepEventsFor(int days) {
    this.eventRetentionDays = days;
  }

  void setStatus(TenantStatus status) {
    this.status = status;
  }

  public Long getId() {
    return id;
  }

  public String getSlug() {
    return slug;
  }

  public String getName() {
    return name;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public String getLocale() {
    return locale;
  }

  public String getTheme() {
    return theme;
  }

  public boolean isSuspended() {
    return status == TenantStatus.SUSPENDED;
  }

  public TenantStatus getStatus() {
    return status;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public int getIngestRateLimit() {
    return ingestRateLimit;
  }

  public int getEventRetentionDays() {
    return eventRetentionDays;
  }
}
