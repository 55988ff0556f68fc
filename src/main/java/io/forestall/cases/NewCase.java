package io.forestall.cases;

import java.time.Duration;

/**
 * A detection to record as a case, unless its playbook, customer and window already have one.
 *
 * @param verifyWindow how long after resolution (or, held out, after detection) a contact of the
 *     customer counts as a repeat
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
    Duration verifyWindow) {}
