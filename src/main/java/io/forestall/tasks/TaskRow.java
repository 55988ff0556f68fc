package io.forestall.tasks;

import io.forestall.cases.CaseState;
import java.io.Serializable;

/** A task with what the queue shows beside it: its case's customer, playbook and state. */
public class TaskRow implements Serializable {

  private final AgentTask task;
  private final CaseState caseState;
  private final String customerExternalId;
  private final String customerName;
  private final String playbookName;

  TaskRow(
      AgentTask task,
      CaseState caseState,
      String customerExternalId,
      String customerName,
      String playbookName) {
    this.task = task;
    this.caseState = caseState;
    this.customerExternalId = customerExternalId;
    this.customerName = customerName;
    this.playbookName = playbookName;
  }

  public AgentTask getTask() {
    return task;
  }

  public Long getId() {
    return task.getId();
  }

  public CaseState getCaseState() {
    return caseState;
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

  /** The SLA due time in epoch milliseconds, for the screen's countdown. */
  public long getDueMillis() {
    return task.getDueAt().toEpochMilli();
  }
}
