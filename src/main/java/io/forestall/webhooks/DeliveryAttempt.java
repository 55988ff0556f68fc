package io.forestall.webhooks;

import io.forestall.kernel.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One try to send a delivery, as the log shows it: the headers sent (the body is the delivery's),
 * what came back and how long it took, or why nothing came back.
 */
@Entity
@Table(name = "webhook_attempt")
public class DeliveryAttempt extends TenantOwnedEntity {

  /** At most this many characters of a response body are kept. */
  static final int EXCERPT = 2048;

  @Column(name = "delivery_id", nullable = false, updatable = false)
  private Long deliveryId;

  @Column(nullable = false, updatable = false)
  private int number;

  @Column(nullable = false, updatable = false)
  private boolean replay;

  @Column(name = "started_at", nullable = false, updatable = false)
  private Instant startedAt;

  @Column(name = "request_headers", nullable = false, updatable = false)
  private String requestHeaders;

  @Column(name = "response_status", updatable = false)
  private Integer responseStatus;

  @Column(name = "response_body", updatable = false)
  private String responseBody;

  @Column(name = "latency_ms", nullable = false, updatable = false)
  private long latencyMs;

  @Column(updatable = false)
  private String error;

  protected DeliveryAttempt() {}

  DeliveryAttempt(long deliveryId, int number, boolean replay, WebhookTransport.Outcome outcome) {
    this.deliveryId = deliveryId;
    this.number = number;
    this.replay = replay;
    this.startedAt = outcome.startedAt();
    this.requestHeaders = outcome.requestHeaders();
    this.responseStatus = outcome.status();
    this.responseBody = outcome.responseExcerpt();
    this.latencyMs = outcome.latencyMs();
    this.error = outcome.error();
  }

  public Long getDeliveryId() {
    return deliveryId;
  }

  public int getNumber() {
    return number;
  }

  public boolean isReplay() {
    return replay;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  /** One {@code name: value} per line. */
  public String getRequestHeaders() {
    return requestHeaders;
  }

  public Integer getResponseStatus() {
    return responseStatus;
  }

  public String getResponseBody() {
    return responseBody;
  }

  public long getLatencyMs() {
    return latencyMs;
  }

  public String getError() {
    return error;
  }

  public boolean isSuccess() {
    return responseStatus != null && responseStatus >= 200 && responseStatus < 300;
  }
}
