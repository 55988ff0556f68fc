package io.forestall.customers.web;

import io.forestall.customers.Customer;
import java.io.Serializable;
import java.time.Instant;

/** A customer as the list shows it: a detached, serialisable snapshot, never the managed entity. */
public record CustomerRow(
    long id, String externalId, String name, String email, String phone, Instant updatedAt)
    implements Serializable {

  static CustomerRow of(Customer c) {
    return new CustomerRow(
        c.getId(), c.getExternalId(), c.getName(), c.getEmail(), c.getPhone(), c.getUpdatedAt());
  }
}
