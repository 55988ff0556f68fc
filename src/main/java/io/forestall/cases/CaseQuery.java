package io.forestall.cases;

/**
 * A filter over the tenant's cases; null fields do not filter.
 *
 * @param customer a customer's external id
 */
public record CaseQuery(
    Long playbookId, CaseState state, String customer, String level, int offset, int limit) {}
