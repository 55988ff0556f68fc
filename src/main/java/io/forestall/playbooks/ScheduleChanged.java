package io.forestall.playbooks;

/**
 * A playbook's scans start, change or stop: fired in the transaction that publishes, resumes or
 * pauses it, so the clustered job store changes with it.
 *
 * @param cron the Quartz cron the scans run on, in the tenant's zone; null when they stop
 */
public record ScheduleChanged(long playbookId, String cron) {}
