/**
 * Playbooks: a trigger found in the tenant's own data, a level on Temkin's ladder, a schedule and
 * guardrails; drafted, published as immutable versions, scanned set-based by clustered Quartz.
 */
package io.forestall.playbooks;
