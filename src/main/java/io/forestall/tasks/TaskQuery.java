package io.forestall.tasks;

/**
 * A filter over the tenant's tasks; null fields do not filter.
 *
 * @param status OPEN or DONE
 * @param owner the username of the agent who owns the tasks
 */
public record TaskQuery(String team, String status, String owner, int offset, int limit) {}
