package io.forestall.kernel;

import java.time.ZoneId;

/**
 * What the edge needs to know of a tenant to admit a request, limit its ingest rate and dress the
 * screens.
 */
public record TenantProfile(
    TenantKey key,
    String name,
    boolean suspended,
    String theme,
    String locale,
    String timeZone,
    int ingestRateLimit) {

  /** The tenant's time zone: where its people read times and its schedules run. */
  public ZoneId zone() {
    return ZoneId.of(timeZone);
  }
}
