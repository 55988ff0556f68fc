package io.forestall.customers.web;

import io.forestall.customers.Customer;
import java.io.Serializable;
import java.time.Instant;

/**
 * A customer as the list shows it: a detached, serialisable snapshot, never the managed entity. A
 * class with getters rather than a record, because Faces' EL (5.0) does not read record accessors.
 */
public final class CustomerRow implements Serializable {

  private final long id;
  private final String externalId;
  private final String name;
  private final String email;
  private final String phone;
  private final Instant updatedAt;

  private CustomerRow(Customer c) {
    id = c.getId();
    externalId = c.getExternalId();
    name = c.getName();
    email = c.getEmail();
    phone = c.getPhone();
    updatedAt = c.getUpdatedAt();
  }

  static CustomerRow of(Customer c) {
    return new CustomerRow(c);
  }

  public long getId() {
    return id;
  }

  public String getExternalId() {
    return externalId;
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
  }

  public String getPhone() {
    return phone;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
