package io.forestall.customers;

import io.forestall.kernel.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** One of a tenant's customers, known to the tenant's systems by its {@code externalId}. */
@Entity
@Table(name = "customer")
public class Customer extends TenantOwnedEntity {

  @Column(name = "external_id", nullable = false, updatable = false, length = 128)
  private String externalId;

  @Column(length = 200)
  private String name;

  @Column(length = 254)
  private String email;

  @Column(length = 32)
  private String phone;

  @Column(length = 16)
  private String locale;

  @Column(name = "time_zone", length = 64)
  private String timeZone;

  /** A JSON object of the tenant's own attributes (plan, segment, country...), as text. */
  @Column(nullable = false, length = CustomerDraft.MAX_ATTRIBUTES_LENGTH)
  private String attributes;

  @Column(name = "consent_email", nullable = false)
  private boolean consentEmail;

  @Column(name = "consent_sms", nullable = false)
  private boolean consentSms;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Customer() {}

  Customer(String externalId, Instant now) {
    this.externalId = externalId;
    this.attributes = "{}";
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Applies every field the draft carries; fields it leaves null keep their value. */
  void apply(CustomerDraft draft, Instant now) {
    if (draft.name() != null) {
      name = blankToNull(draft.name());
    }
    if (draft.email() != null) {
      email = blankToNull(draft.email());
    }
    if (draft.phone() != null) {
      phone = blankToNull(draft.phone());
    }
    if (draft.locale() != null) {
      locale = blankToNull(draft.locale());
    }
    if (draft.timeZone() != null) {
      timeZone = blankToNull(draft.timeZone());
    }
    if (draft.attributes() != null) {
      attributes = draft.attributes().toString();
    }
    if (draft.consentEmail() != null) {
      consentEmail = draft.consentEmail();
    }
    if (draft.consentSms() != null) {
      consentSms = draft.consentSms();
    }
    updatedAt = now;
  }

  /** Consent for email and SMS, each left as it is when null. */
  void consent(Boolean email, Boolean sms, Instant now) {
    if (email != null) {
      consentEmail = email;
    }
    if (sms != null) {
      consentSms = sms;
    }
    updatedAt = now;
  }

  private static String blankToNull(String value) {
    String stripped = value.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  public String getExternalId() {
    return externalId;
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
  }

  public String getPhone() {
    return phone;
  }

  public String getLocale() {
    return locale;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public String getAttributes() {
    return attributes;
  }

  public boolean isConsentEmail() {
    return consentEmail;
  }

  public boolean isConsentSms() {
    return consentSms;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
