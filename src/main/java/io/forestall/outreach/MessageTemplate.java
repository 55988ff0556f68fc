package io.forestall.outreach;

import io.forestall.kernel.Channel;
import io.forestall.kernel.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A tenant's message template for one channel: its editable draft and the number of its published
 * version. Published versions are {@link TemplateVersion} rows and never change.
 */
@Entity
@Table(name = "message_template")
public class MessageTemplate extends TenantOwnedEntity {

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Channel channel;

  @Column(nullable = false)
  private String draft;

  @Column(name = "published_version")
  private Integer publishedVersion;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected MessageTemplate() {}

  MessageTemplate(String name, TemplateContent content, Instant now) {
    this.name = name;
    this.channel = content.channel();
    this.draft = content.toJson();
    this.createdAt = now;
    this.updatedAt = now;
  }

  void edit(String name, String draft, Instant now) {
    this.name = name;
    this.draft = draft;
    this.updatedAt = now;
  }

  void published(int number, Instant now) {
    this.publishedVersion = number;
    this.updatedAt = now;
  }

  public TemplateContent content() {
    return TemplateContent.fromJson(draft);
  }

  public String getName() {
    return name;
  }

  public Channel getChannel() {
    return channel;
  }

  public String getDraft() {
    return draft;
  }

  public Integer getPublishedVersion() {
    return publishedVersion;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
