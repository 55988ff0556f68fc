package io.forestall.webhooks;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.kernel.TenantOwnedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a tenant wants some integration events sent, signed with its own secret. Disabled by a
 * person or, after persistent failure, by the dispatcher, with the reason shown to the tenant.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends TenantOwnedEntity {

  @Column(nullable = false, length = 2000)
  private String url;

  @Column(length = 500)
  private String description;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "webhook_subscription_type",
      joinColumns = @JoinColumn(name = "subscription_id"))
  @Column(name = "event_type", nullable = false, length = 40)
  private Set<String> eventTypes = new TreeSet<>();

  @Column(nullable = false)
  private boolean enabled;

  @Column(name = "disabled_reason", length = 1000)
  private String disabledReason;

  @Column(name = "disabled_at")
  private Instant disabledAt;

  @Column(name = "secret_enc", nullable = false, length = 200)
  private String secretEncrypted;

  @Column(name = "secret_prefix", nullable = false, length = 16)
  private String secretPrefix;

  @Column(name = "previous_secret_enc", length = 200)
  private String previousSecretEncrypted;

  @Column(name = "previous_until")
  private Instant previousUntil;

  @Column(name = "last_success_at", insertable = false, updatable = false)
  private Instant lastSuccessAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, updatable = false, length = 200)
  private String createdBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected WebhookSubscription() {}

  WebhookSubscription(
      SubscriptionDraft draft, String sealedSecret, String prefix, String by, Instant now) {
    edit(draft, now);
    enabled = draft.enabled() == null || draft.enabled();
    if (!enabled) {
      disabledReason = "Created disabled by " + by;
      disabledAt = now;
    }
    this.secretEncrypted = sealedSecret;
    this.secretPrefix = prefix;
    this.createdBy = by;
    this.createdAt = now;
  }

  void edit(SubscriptionDraft draft, Instant now) {
    url = draft.url().strip();
    description =
        draft.description() == null || draft.description().isBlank()
            ? null
            : draft.description().strip();
    eventTypes.clear();
    eventTypes.addAll(draft.eventTypes());
    updatedAt = now;
  }

  void enable(Instant now) {
    enabled = true;
    disabledReason = null;
    disabledAt = null;
    updatedAt = now;
  }

  void disable(String reason, Instant now) {
    enabled = false;
    disabledReason = reason;
    disabledAt = now;
    updatedAt = now;
  }

  /** The old secret keeps signing beside the new one until {@code oldUntil}. */
  void rotate(String sealedSecret, String prefix, Instant oldUntil, Instant now) {
    previousSecretEncrypted = secretEncrypted;
    previousUntil = oldUntil;
    secretEncrypted = sealedSecret;
    secretPrefix = prefix;
    updatedAt = now;
  }

  String getSecretEncrypted() {
    return secretEncrypted;
  }

  /** What the audit log keeps of it: everything but the secret. */
  String describe() {
    return JSON.createObjectBuilder()
        .add("url", url)
        .add("description", description == null ? "" : description)
        .add("eventTypes", JSON.createArrayBuilder(getEventTypes()))
        .add("enabled", enabled)
        .add("secretPrefix", secretPrefix)
        .build()
        .toString();
  }

  public String getUrl() {
    return url;
  }

  public String getDescription() {
    return description;
  }

  /** Sorted. */
  public Set<String> getEventTypes() {
    return new TreeSet<>(eventTypes);
  }

  public boolean isEnabled() {
    return enabled;
  }

  public String getDisabledReason() {
    return disabledReason;
  }

  public Instant getDisabledAt() {
    return disabledAt;
  }

  /** Until when deliveries are also signed with the secret before the last rotation. */
  public Instant getPreviousUntil() {
    return previousUntil;
  }

  public String getSecretPrefix() {
    return secretPrefix;
  }

  public Instant getLastSuccessAt() {
    return lastSuccessAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
