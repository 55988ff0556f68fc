package io.forestall.kernel;

import java.util.Optional;

/** Looks tenants up by the slug carried in a token; implemented by the tenants feature. */
public interface TenantDirectory {

  Optional<TenantProfile> find(String slug);
}
