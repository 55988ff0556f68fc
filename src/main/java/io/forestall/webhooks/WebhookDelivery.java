package io.forestall.webhooks;

import io.forestall.kernel.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One event on its way to one subscription: the body fixed when it was queued, its webhook-id, and
 * where its attempts stand. Queued and claimed with SQL by the outbox; moved on here.
 */
@Entity
@Table(name = "webhook_outbox")
public class WebhookDelivery extends TenantOwnedEntity {

  @Column(name = "subscription_id", nullable = false, updatable = false)
  private Long subscriptionId;

  @Column(name = "webhook_id", nullable = false, updatable = false)
  private String webhookId;

  @Column(name = "event_type", nullable = false, updatable = false)
  private String eventType;

  @Column(nullable = false, updatable = false)
  private String subject;

  @Column(nullable = false, updatable = false)
  private String payload;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DeliveryState state;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "lease_until")
  private Instant leaseUntil;

  @Column(nullable = false)
  private boolean replay;

  @Column(name = "first_failed_at")
  private Instant firstFailedAt;

  @Column(name = "last_status")
  private Integer lastStatus;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected WebhookDelivery() {}

  /** The subscriber answered 2xx. */
  void delivered(int status, Instant now) {
    state = DeliveryState.DELIVERED;
    lastStatus = status;
    lastError = null;
    deliveredAt = now;
    leaseUntil = null;
    replay = false;
    updatedAt = now;
  }

  /** The attempt failed; tried again at {@code retryAt}, or given up when that is null. */
  void failed(Integer status, String error, Instant retryAt, Instant now) {
    if (firstFailedAt == null) {
      firstFailedAt = now;
    }
    lastStatus = status;
    lastError = error;
    state = retryAt == null ? DeliveryState.FAILED : DeliveryState.PENDING;
    nextAttemptAt = retryAt == null ? now : retryAt;
    leaseUntil = null;
    replay = false;
    updatedAt = now;
  }

  /**
   * One more attempt, now: a finished delivery is sent once more under its webhook-id, a waiting
   * one is sent now instead of later.
   */
  void replay(Instant now) {
    replay = replay || state != DeliveryState.PENDING;
    state = DeliveryState.PENDING;
    nextAttemptAt = now;
    updatedAt = now;
  }

  public Long getSubscriptionId() {
    return subscriptionId;
  }

  public String getWebhookId() {
    return webhookId;
  }

  public String getEventType() {
    return eventType;
  }

  public String getSubject() {
    return subject;
  }

  public String getPayload() {
    return payload;
  }

  public DeliveryState getState() {
    return state;
  }

  public int getAttempts() {
    return attempts;
  }

  /** When the next attempt is due; only meaningful while {@link DeliveryState#PENDING}. */
  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public boolean isReplay() {
    return replay;
  }

  public Instant getFirstFailedAt() {
    return firstFailedAt;
  }

  public Integer getLastStatus() {
    return lastStatus;
  }

  public String getLastError() {
    return lastError;
  }

  public Instant getDeliveredAt() {
    return deliveredAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
