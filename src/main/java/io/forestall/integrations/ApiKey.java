package io.forestall.integrations;

import io.forestall.kernel.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** A tenant's API key. Only its SHA-256 is stored; the key itself is shown once, at creation. */
@Entity
@Table(name = "api_key")
public class ApiKey extends TenantOwnedEntity {

  @Column(nullable = false, length = 80)
  private String name;

  /** The first characters of the key, so people can tell their keys apart. */
  @Column(nullable = false, length = 16)
  private String prefix;

  @Column(name = "key_hash", nullable = false, unique = true, length = 64)
  private String keyHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ApiKeyScope scope;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 100)
  private String createdBy;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected ApiKey() {}

  ApiKey(
      String name,
      String prefix,
      String keyHash,
      ApiKeyScope scope,
      String createdBy,
      Instant now) {
    this.name = name;
    this.prefix = prefix;
    this.keyHash = keyHash;
    this.scope = scope;
    this.createdBy = createdBy;
    this.createdAt = now;
  }

  void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  public String getName() {
    return name;
  }

  public String getPrefix() {
    return prefix;
  }

  String getKeyHash() {
    return keyHash;
  }

  public ApiKeyScope getScope() {
    return scope;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getLastUsedAt() {
    return lastUsedAt;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }

  public boolean isActive() {
    return revokedAt == null;
  }
}
