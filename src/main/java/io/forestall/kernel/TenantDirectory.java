package io.forestall.kernel;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/** Looks tenants up by the slug carried in a token; implemented by the tenants feature. */
public interface TenantDirectory {

  Optional<TenantProfile> find(String slug);

  /** The tenant's time zone; UTC for a tenant that no longer exists. */
  default ZoneId zone(TenantKey tenant) {
    return find(tenant.slug()).map(TenantProfile::zone).orElse(ZoneOffset.UTC);
  }
}
