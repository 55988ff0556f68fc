package io.forestall.kernel;

import java.util.Objects;

/**
 * Identifies one tenant: its database id (the {@code tenant_id} of its rows) and its immutable
 * slug.
 */
public record TenantKey(long id, String slug) {

  public TenantKey {
    Objects.requireNonNull(slug, "slug");
  }
}
