package io.forestall.analytics;

/** A playbook's cases at a glance, for the list that leads to its funnel. */
public record PlaybookSummary(
    long id, String name, long cases, long resolved, long verified, long repeatContacts) {}
