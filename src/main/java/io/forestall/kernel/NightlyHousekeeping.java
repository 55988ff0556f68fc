package io.forestall.kernel;

import java.time.Instant;
import java.util.Map;

/**
 * Fired (as a CDI event) by the nightly tenant housekeeping, in the system caller's name, so each
 * feature can do its own nightly work — retention, partitions — without the housekeeping knowing
 * about it.
 */
public record NightlyHousekeeping(Instant now, Map<TenantKey, Integer> eventRetentionDays) {

  public NightlyHousekeeping {
    eventRetentionDays = Map.copyOf(eventRetentionDays);
  }
}
