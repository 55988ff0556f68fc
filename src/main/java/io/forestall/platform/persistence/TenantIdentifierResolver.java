package io.forestall.platform.persistence;

import io.forestall.kernel.TenantContext;
import io.forestall.kernel.TenantKey;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Gives Hibernate the tenant of the current unit of work for {@code @TenantId}. Without a tenant it
 * answers an id no tenant has, so a forgotten context reads nothing and cannot write.
 */
public class TenantIdentifierResolver implements CurrentTenantIdentifierResolver<Long> {

  /** Matches no tenant row: tenant ids come from an identity column starting at 1. */
  public static final long NO_TENANT = -1L;

  @Override
  public Long resolveCurrentTenantIdentifier() {
    return TenantContext.current().map(TenantKey::id).orElse(NO_TENANT);
  }

  @Override
  public boolean validateExistingCurrentSessions() {
    return false;
  }
}
