package io.forestall.offers;

import io.forestall.kernel.Violation;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * An offer as people and the API write it.
 *
 * @param link where the customer learns more or takes it: an absolute http(s) address
 * @param revenue what one accepted offer brings, in {@code currency}
 */
public record OfferDraft(
    String title,
    String description,
    String link,
    Instant validFrom,
    Instant validUntil,
    Eligibility eligibility,
    BigDecimal revenue,
    String currency) {

  /** Every broken rule, pointed at its field. */
  public List<Violation> check() {
    List<Violation> violations = new ArrayList<>();
    if (title == null || title.isBlank() || title.strip().length() > 120) {
      violations.add(new Violation("/title", "is required, at most 120 characters"));
    }
    if (description == null || description.isBlank() || description.length() > 1000) {
      violations.add(new Violation("/description", "is required, at most 1000 characters"));
    }
    if (!webAddress(link)) {
      violations.add(new Violation("/link", "must be an absolute http or https address"));
    }
    if (validFrom != null && validUntil != null && !validFrom.isBefore(validUntil)) {
      violations.add(new Violation("/validUntil", "must be after validFrom"));
    }
    if (eligibility == null) {
      violations.add(
          new Violation("/eligibility", "is required: a list of rules, [] for everyone"));
    } else {
      eligibility.problems().forEach(p -> violations.add(new Violation(p[0], p[1])));
    }
    if (revenue == null
        || revenue.signum() < 0
        || revenue.scale() > 2
        || revenue.precision() - revenue.scale() > 10) {
      violations.add(
          new Violation("/revenue", "must be an amount of at least 0 with at most 2 decimals"));
    }
    if (currency == null || !currency.matches("[A-Z]{3}") || !known(currency)) {
      violations.add(new Violation("/currency", "must be an ISO 4217 code such as EUR"));
    }
    return violations;
  }

  private static boolean known(String code) {
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean webAddress(String text) {
    if (text == null || text.isBlank() || text.length() > 1000) {
      return false;
    }
    try {
      URI uri = new URI(text.strip());
      return uri.isAbsolute()
          && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
