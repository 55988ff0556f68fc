package io.forestall.offers;

import java.math.BigDecimal;

/** How one offer did: shown, clicked and accepted, and the revenue the acceptances brought. */
public record OfferFunnel(
    long offerId,
    String title,
    long shown,
    long clicked,
    long accepted,
    BigDecimal revenue,
    String currency) {

  /** Accepted of shown, in per cent; 0 when never shown. */
  public double conversionPercent() {
    return shown == 0 ? 0 : 100.0 * accepted / shown;
  }
}
