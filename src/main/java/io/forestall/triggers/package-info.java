/**
 * Triggers: the conditions that pick customers out of a tenant's data, compiled to one set-based
 * query per dialect, with the complaint scoring and the reading of each match's evidence. Knows
 * nothing of the playbooks that hold them.
 */
package io.forestall.triggers;
