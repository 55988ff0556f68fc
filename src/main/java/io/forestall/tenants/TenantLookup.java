package io.forestall.tenants;

import io.forestall.kernel.TenantDirectory;
import io.forestall.kernel.TenantKey;
import io.forestall.kernel.TenantProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Answers the request filter's question "who is this tenant, and may its users work?". */
@ApplicationScoped
class TenantLookup implements TenantDirectory {

  @Inject TenantRepository tenants;

  @Override
  public Optional<TenantProfile> find(String slug) {
    return tenants.findBySlug(slug).map(TenantLookup::profile);
  }

  static TenantProfile profile(Tenant t) {
    return new TenantProfile(
        new TenantKey(t.getId(), t.getSlug()),
        t.getName(),
        t.getStatus() == TenantStatus.SUSPENDED,
        t.getTheme(),
        t.getLocale(),
        t.getTimeZone(),
        t.getIngestRateLimit());
  }
}
