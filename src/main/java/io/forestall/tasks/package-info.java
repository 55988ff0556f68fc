/**
 * Agent follow-up: the agent task and the work queue, one owner at a time (claim, release,
 * reassign), notes, and closing with an outcome and root cause that moves the case. Tasks open when
 * a scan opens complaint cases, when another feature fires {@link io.forestall.cases.TaskWanted},
 * or through the API.
 */
package io.forestall.tasks;
