package io.forestall.playbooks;

import io.forestall.triggers.ComplaintWeights;
import java.time.Instant;
import java.util.List;

/**
 * The cases one scan run opened, fired in the run's transaction so that what follows them (the
 * messages outreach queues, the tasks agents get) commits or rolls back with them. Observers read
 * the new cases by {@code runId}.
 *
 * @param definition the published version the run scanned with
 * @param weights the tenant's complaint settings the run scored with, and their teams
 * @param complaints the new cases that are complaints, for the agents' queue
 * @param at when the run started, the cases' detection time
 */
public record CasesOpened(
    long runId,
    long playbookId,
    int version,
    PlaybookDefinition definition,
    ComplaintWeights weights,
    List<Complaint> complaints,
    Instant at) {

  public CasesOpened {
    complaints = List.copyOf(complaints);
  }

  /** A complaint case, by its customer and window, and whether the complaint is complex. */
  public record Complaint(long customerId, String windowKey, boolean complex) {}
}
