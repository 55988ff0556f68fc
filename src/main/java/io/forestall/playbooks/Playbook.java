package io.forestall.playbooks;

import io.forestall.kernel.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A tenant's playbook: its editable draft and the number of its published version. Published
 * versions themselves are {@link PlaybookVersion} rows and never change.
 */
@Entity
@Table(name = "playbook")
public class Playbook extends TenantOwnedEntity {

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private PlaybookStatus status;

  @Column(nullable = false)
  private String draft;

  @Column(name = "published_version")
  private Integer publishedVersion;

  /** Written by scans with plain SQL; read-only here so edits never overwrite it. */
  @Column(insertable = false, updatable = false)
  private Instant watermark;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Playbook() {}

  Playbook(String name, String draft, Instant now) {
    this.name = name;
    this.draft = draft;
    this.status = PlaybookStatus.DRAFT;
    this.createdAt = now;
    this.updatedAt = now;
  }

  void editDraft(String name, String draft, Instant now) {
    this.name = name;
    this.draft = draft;
    this.updatedAt = now;
  }

  void published(int number, Instant now) {
    this.publishedVersion = number;
    if (status == PlaybookStatus.DRAFT) {
      status = PlaybookStatus.ACTIVE;
    }
    this.updatedAt = now;
  }

  void status(PlaybookStatus status, Instant now) {
    this.status = status;
    this.updatedAt = now;
  }

  /**
   * Whether the draft differs from {@code published} (or nothing is published). Drafts and versions
   * are stored in one canonical JSON form, so equal text means equal definitions.
   */
  public boolean differsFrom(Optional<PlaybookVersion> published) {
    return published.map(v -> !v.getDefinition().equals(draft)).orElse(true);
  }

  public String getName() {
    return name;
  }

  public PlaybookStatus getStatus() {
    return status;
  }

  public String getDraft() {
    return draft;
  }

  public Integer getPublishedVersion() {
    return publishedVersion;
  }

  public Instant getWatermark() {
    return watermark;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
