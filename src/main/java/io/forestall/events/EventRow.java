package io.forestall.events;

import java.io.Serializable;

/** An event with its customer's external id, as lists show it. */
public final class EventRow implements Serializable {

  private final CustomerEvent event;
  private final String customer;

  EventRow(CustomerEvent event, String customer) {
    this.event = event;
    this.customer = customer;
  }

  public CustomerEvent getEvent() {
    return event;
  }

  public String getCustomer() {
    return customer;
  }
}
