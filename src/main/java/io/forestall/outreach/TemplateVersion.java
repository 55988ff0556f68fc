package io.forestall.outreach;

import io.forestall.kernel.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A published, immutable copy of a template's content; messages name the version they used. */
@Entity
@Table(name = "message_template_version")
public class TemplateVersion extends TenantOwnedEntity {

  @Column(name = "template_id", nullable = false, updatable = false)
  private Long templateId;

  @Column(nullable = false, updatable = false)
  private int number;

  @Column(nullable = false, updatable = false)
  private String content;

  @Column(name = "published_at", nullable = false, updatable = false)
  private Instant publishedAt;

  @Column(name = "published_by", nullable = false, updatable = false)
  private String publishedBy;

  protected TemplateVersion() {}

  TemplateVersion(
      Long templateId, int number, String content, Instant publishedAt, String publishedBy) {
    this.templateId = templateId;
    this.number = number;
    this.content = content;
    this.publishedAt = publishedAt;
    this.publishedBy = publishedBy;
  }

  public Long getTemplateId() {
    return templateId;
  }

  public int getNumber() {
    return number;
  }

  public String getContent() {
    return content;
  }

  public Instant getPublishedAt() {
    return publishedAt;
  }

  public String getPublishedBy() {
    return publishedBy;
  }
}
