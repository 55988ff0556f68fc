package io.forestall.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

/**
 * An event as stored, for reading; events are written set-based by the ingest and never changed.
 */
@Entity
@Immutable
@Table(name = "customer_event")
public class CustomerEvent implements Serializable {

  @Id private Long id;

  @TenantId
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private Long tenantId;

  @Column(name = "customer_id", nullable = false)
  private long customerId;

  @Column(name = "event_id", nullable = false)
  private String eventId;

  @Column(nullable = false)
  private String type;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(name = "num_value")
  private BigDecimal value;

  @Column(nullable = false)
  private String attributes;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  protected CustomerEvent() {}

  public Long getId() {
    return id;
  }

  public long getCustomerId() {
    return customerId;
  }

  public String getEventId() {
    return eventId;
  }

  public String getType() {
    return type;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public BigDecimal getValue() {
    return value;
  }

  public String getAttributes() {
    return attributes;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }
}
