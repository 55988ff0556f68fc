package io.forestall.events;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/** An event with its customer's external id, as lists show it; a detached snapshot with getters. */
public final class EventRow implements Serializable {

  private final long id;
  private final String eventId;
  private final String customer;
  private final String type;
  private final Instant occurredAt;
  private final BigDecimal value;
  private final String attributes;
  private final Instant receivedAt;

  EventRow(CustomerEvent e, String customer) {
    this.id = e.getId();
    this.eventId = e.getEventId();
    this.customer = customer;
    this.type = e.getType();
    this.occurredAt = e.getOccurredAt();
    this.value = e.getValue();
    this.attributes = e.getAttributes();
    this.receivedAt = e.getReceivedAt();
  }

  public long getId() {
    return id;
  }

  public String getEventId() {
    return eventId;
  }

  public String getCustomer() {
    return customer;
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
