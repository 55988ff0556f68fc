package io.forestall.integrations;

import io.forestall.kernel.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A signing secret ({@code whsec_…}) for the tenant's inbound webhooks, stored encrypted because
 * verifying an HMAC needs the secret itself. Several can be active at once so a tenant rotates
 * without downtime.
 */
@Entity
@Table(name = "inbound_secret")
public class InboundSecret extends TenantOwnedEntity {

  @Column(nullable = false, length = 80)
  private String name;

  @Column(nullable = false, length = 16)
  private String prefix;

  @Column(name = "secret_enc", nullable = false, length = 200)
  private String secretEncrypted;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 100)
  private String createdBy;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected InboundSecret() {}

  InboundSecret(String name, String prefix, String secretEncrypted, String createdBy, Instant now) {
    this.name = name;
    this.prefix = prefix;
    this.secretEncrypted = secretEncrypted;
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

  String getSecretEncrypted() {
    return secretEncrypted;
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
