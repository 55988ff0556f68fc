package io.forestall.integrations;

import io.forestall.kernel.Role;
import java.util.Set;

/** What a key may do: push data only, or everything a tenant admin's integration may do. */
public enum ApiKeyScope {
  INGEST(Set.of(Role.INGEST)),
  FULL(Set.of(Role.INGEST, Role.TENANT_ADMIN));

  private final Set<String> roles;

  ApiKeyScope(Set<String> roles) {
    this.roles = roles;
  }

  public Set<String> roles() {
    return roles;
  }
}
