package io.forestall.tenants;

import io.forestall.kernel.TenantDirectory;
import io.forestall.kernel.TenantKey;
import io.forestall.kernel.TenantProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers the request filter's question "who is this tenant, and may its users work?" on every
 * request. Answers are remembered for {@link #REMEMBER}; a change on this node forgets them at
 * once, so a suspension reaches other nodes within that time.
 */
@ApplicationScoped
class TenantLookup implements TenantDirectory {

  static final Duration REMEMBER = Duration.ofSeconds(5);

  private record Known(Optional<TenantProfile> profile, long expires) {}

  private final Map<String, Known> known = new ConcurrentHashMap<>();

  @Inject TenantRepository tenants;

  @Override
  public Optional<TenantProfile> find(String slug) {
    long now = System.nanoTime();
    Known hit = known.get(slug);
    if (hit == null || hit.expires() < now) {
      hit =
          new Known(tenants.findBySlug(slug).map(TenantLookup::profile), now + REMEMBER.toNanos());
      if (known.size() > 10_000) {
        known.clear();
      }
      known.put(slug, hit);
    }
    return hit.profile();
  }

  void forget(String slug) {
    known.remove(slug);
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
