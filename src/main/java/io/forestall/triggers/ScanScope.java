package io.forestall.triggers;

import java.time.Instant;

/**
 * What one evaluation of a trigger looks at.
 *
 * @param tenantId the tenant whose customers and events are read
 * @param asOf the moment the trigger is evaluated at; later events are invisible
 * @param newSince when set, only customers with events received after it are examined
 * @param playbookId when set with {@code cooldownSince}, customers with a case of this playbook
 *     detected after {@code cooldownSince} are skipped
 */
public record ScanScope(
    long tenantId, Instant asOf, Instant newSince, Long playbookId, Instant cooldownSince) {

  /** Everyone, as of {@code asOf}, creating nothing: dry runs and backtests. */
  public static ScanScope preview(long tenantId, Instant asOf) {
    return new ScanScope(tenantId, asOf, null, null, null);
  }
}
