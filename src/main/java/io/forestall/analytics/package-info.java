/**
 * Analytics: what the closed loop measured for a tenant, read with aggregate SQL only. The level
 * pyramid, each playbook's funnel and its repeat-contact rate against the holdout (the measured
 * deflection, with a confidence interval), and the close-the-loop board of root causes ranked by
 * failure demand. Reads the tables of the features before it; nothing depends on it.
 */
package io.forestall.analytics;
