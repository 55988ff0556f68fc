package io.forestall.offers;

import io.forestall.kernel.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** One step of one message's offer: shown, clicked or accepted (with revenue). Written with SQL. */
@Entity
@Table(name = "offer_event")
public class OfferEvent extends TenantOwnedEntity {

  @Column(name = "offer_id", insertable = false, updatable = false)
  private Long offerId;

  @Column(name = "message_id", insertable = false, updatable = false)
  private Long messageId;

  @Column(insertable = false, updatable = false)
  private String stage;

  @Column(insertable = false, updatable = false)
  private BigDecimal revenue;

  @Column(insertable = false, updatable = false)
  private Instant at;

  protected OfferEvent() {}

  public Long getOfferId() {
    return offerId;
  }

  public String getStage() {
    return stage;
  }

  public BigDecimal getRevenue() {
    return revenue;
  }

  public Instant getAt() {
    return at;
  }
}
