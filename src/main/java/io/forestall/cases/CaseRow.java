package io.forestall.cases;

import java.io.Serializable;
import java.time.Instant;

/** A case with the names a list shows beside it. */
public class CaseRow implements Serializable {

  private final CustomerCase c;
  private final String customerExternalId;
  private final String customerName;
  private final String playbookName;

  CaseRow(CustomerCase c, String customerExternalId, String customerName, String playbookName) {
    this.c = c;
    this.customerExternalId = customerExternalId;
    this.customerName = customerName;
    this.playbookName = playbookName;
  }

  public CustomerCase getCase() {
    return c;
  }

  public Long getId() {
    return c.getId();
  }

  public Instant getDetectedAt() {
    return c.getDetectedAt();
  }

  public String getCustomerExternalId() {
    return customerExternalId;
  }

  public String getCustomerName() {
    return customerName;
  }

  public String getPlaybookName() {
    return playbookName;
  }
}
