package io.forestall.integrations.web;

import io.forestall.integrations.ApiKey;
import io.forestall.integrations.Credential;
import java.io.Serializable;
import java.time.Instant;

/**
 * An API key or webhook secret as the settings tables show it; a detached snapshot with getters.
 */
public final class CredentialRow implements Serializable {

  private final long id;
  private final String name;
  private final String prefix;
  private final Instant createdAt;
  private final boolean active;
  private final String scope;
  private final Instant lastUsedAt;

  private CredentialRow(Credential c, String scope, Instant lastUsedAt) {
    this.id = c.getId();
    this.name = c.getName();
    this.prefix = c.getPrefix();
    this.createdAt = c.getCreatedAt();
    this.active = c.isActive();
    this.scope = scope;
    this.lastUsedAt = lastUsedAt;
  }

  static CredentialRow of(Credential c) {
    return c instanceof ApiKey key
        ? new CredentialRow(c, key.getScope().name(), key.getLastUsedAt())
        : new CredentialRow(c, null, null);
  }

  public long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getPrefix() {
    return prefix;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public boolean isActive() {
    return active;
  }

  public String getScope() {
    return scope;
  }

  public Instant getLastUsedAt() {
    return lastUsedAt;
  }
}
