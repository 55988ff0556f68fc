package io.forestall.integrations;

import io.forestall.kernel.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * What API keys and webhook secrets share: a name people chose, the first characters to tell them
 * apart, who created them when, and revocation.
 */
@MappedSuperclass
public abstract class Credential extends TenantOwnedEntity {

  @Column(nullable = false, length = 80)
  private String name;

  @Column(nullable = false, length = 16)
  private String prefix;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 100)
  private String createdBy;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected Credential() {}

  protected Credential(String name, String prefix, String createdBy, Instant now) {
    this.name = name;
    this.prefix = prefix;
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

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }

  public boolean isActive() {
    return revokedAt == null;
  }
}
