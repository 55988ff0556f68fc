package io.forestall.offers;

import io.forestall.kernel.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An upsell or cross-sell offer of one tenant, with who may get it and what winning it is worth.
 */
@Entity
@Table(name = "offer")
public class Offer extends TenantOwnedEntity {

  @Column(nullable = false)
  private String title;

  @Column(nullable = false)
  private String description;

  @Column(nullable = false)
  private String link;

  @Column(name = "valid_from")
  private Instant validFrom;

  @Column(name = "valid_until")
  private Instant validUntil;

  @Column(nullable = false)
  private String eligibility;

  @Column(nullable = false)
  private BigDecimal revenue;

  @Column(nullable = false)
  private String currency;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Offer() {}

  Offer(OfferDraft draft, Instant now) {
    createdAt = now;
    apply(draft, now);
  }

  void apply(OfferDraft d, Instant now) {
    title = d.title().strip();
    description = d.description().strip();
    link = d.link().strip();
    validFrom = d.validFrom();
    validUntil = d.validUntil();
    eligibility = d.eligibility().toJson();
    revenue = d.revenue();
    currency = d.currency();
    updatedAt = now;
  }

  /** Whether it may be offered at {@code now}. */
  public boolean validAt(Instant now) {
    return (validFrom == null || !now.isBefore(validFrom))
        && (validUntil == null || now.isBefore(validUntil));
  }

  public OfferDraft draft() {
    return new OfferDraft(
        title,
        description,
        link,
        validFrom,
        validUntil,
        Eligibility.fromJson(eligibility),
        revenue,
        currency);
  }

  public String getTitle() {
    return title;
  }

  public String getDescription() {
    return description;
  }

  public String getLink() {
    return link;
  }

  public Instant getValidFrom() {
    return validFrom;
  }

  public Instant getValidUntil() {
    return validUntil;
  }

  public Eligibility getEligibility() {
    return Eligibility.fromJson(eligibility);
  }

  public BigDecimal getRevenue() {
    return revenue;
  }

  public String getCurrency() {
    return currency;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
