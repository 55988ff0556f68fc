/**
 * Agent follow-up: the work queue of the tasks cases open, one owner at a time (claim, release,
 * reassign), notes, and closing with an outcome and root cause that moves the case. Tasks are
 * opened through cases (AgentTaskService, scans); this feature works them.
 */
package io.forestall.tasks;
