package io.forestall.integrations;

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
public class InboundSecret extends Credential {

  @Column(name = "secret_enc", nullable = false, length = 200)
  private String secretEncrypted;

  protected InboundSecret() {}

  InboundSecret(String name, String prefix, String secretEncrypted, String createdBy, Instant now) {
    super(name, prefix, createdBy, now);
    this.secretEncrypted = secretEncrypted;
  }

  String getSecretEncrypted() {
    return secretEncrypted;
  }
}
