package io.forestall.integrations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** A tenant's API key. Only its SHA-256 is stored; the key itself is shown once, at creation. */
@Entity
@Table(name = "api_key")
public class ApiKey extends Credential {

  @Column(name = "key_hash", nullable = false, unique = true, length = 64)
  private String keyHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ApiKeyScope scope;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  protected ApiKey() {}

  ApiKey(
      String name,
      String prefix,
      String keyHash,
      ApiKeyScope scope,
      String createdBy,
      Instant now) {
    super(name, prefix, createdBy, now);
    this.keyHash = keyHash;
    this.scope = scope;
  }

  String getKeyHash() {
    return keyHash;
  }

  public ApiKeyScope getScope() {
    return scope;
  }

  public Instant getLastUsedAt() {
    return lastUsedAt;
  }
}
