package io.forestall.cases;

/**
 * A detection to record as a case, unless its playbook, customer and window already have one.
 *
 * @param task the agent task to open with the case, or null
 */
public record NewCase(
    long customerId,
    String windowKey,
    String level,
    CaseState state,
    int priority,
    boolean holdout,
    String summary,
    String evidence,
    Integer complexity,
    String rootCause,
    String reactOn,
    NewTask task) {}
