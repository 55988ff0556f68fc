package io.forestall.playbooks;

import io.forestall.kernel.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A published, immutable copy of a playbook's definition; cases name the version that found them.
 */
@Entity
@Table(name = "playbook_version")
public class PlaybookVersion extends TenantOwnedEntity {

  @Column(name = "playbook_id", nullable = false, updatable = false)
  private Long playbookId;

  @Column(nullable = false, updatable = false)
  private int number;

  @Column(nullable = false, updatable = false)
  private String definition;

  @Column(name = "published_at", nullable = false, updatable = false)
  private Instant publishedAt;

  @Column(name = "published_by", nullable = false, updatable = false)
  private String publishedBy;

  protected PlaybookVersion() {}

  PlaybookVersion(
      Long playbookId, int number, String definition, Instant publishedAt, String publishedBy) {
    this.playbookId = playbookId;
    this.number = number;
    this.definition = definition;
    this.publishedAt = publishedAt;
    this.publishedBy = publishedBy;
  }

  public Long getPlaybookId() {
    return playbookId;
  }

  public int getNumber() {
    return number;
  }

  public String getDefinition() {
    return definition;
  }

  public Instant getPublishedAt() {
    return publishedAt;
  }

  public String getPublishedBy() {
    return publishedBy;
  }
}
