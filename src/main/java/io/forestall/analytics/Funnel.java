package io.forestall.analytics;

/**
 * How far a playbook's cases got; each stage counts the cases that reached it, outside the holdout.
 *
 * @param detected every case not held out
 * @param contacted reached the customer: a message was sent, or the customer answered
 * @param responded the customer (or the tenant's system) answered
 * @param resolved resolved at least once, whatever happened after
 * @param verified the verify window passed without a repeat contact (or the customer confirmed)
 * @param reopened came back at least once with a repeat contact
 * @param heldOut the control group: detected, deliberately not contacted
 */
public record Funnel(
    long playbookId,
    long detected,
    long contacted,
    long responded,
    long resolved,
    long verified,
    long reopened,
    long heldOut) {}
