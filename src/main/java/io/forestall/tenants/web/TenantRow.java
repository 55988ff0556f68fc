package io.forestall.tenants.web;

import io.forestall.tenants.Tenant;
import java.io.Serializable;
import java.time.Instant;

/** A tenant as the platform list shows it; a detached snapshot. */
public record TenantRow(
    long id,
    String slug,
    String name,
    String timeZone,
    String locale,
    boolean suspended,
    Instant createdAt)
    implements Serializable {

  static TenantRow of(Tenant t) {
    return new TenantRow(
        t.getId(),
        t.getSlug(),
        t.getName(),
        t.getTimeZone(),
        t.getLocale(),
        t.getStatus() == io.forestall.tenants.TenantStatus.SUSPENDED,
        t.getCreatedAt());
  }
}
