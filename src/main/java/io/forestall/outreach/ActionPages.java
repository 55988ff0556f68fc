package io.forestall.outreach;

import io.forestall.kernel.Caller;
import io.forestall.kernel.Channel;
import io.forestall.kernel.NotFoundException;
import io.forestall.kernel.TenantContext;
import io.forestall.kernel.TenantDirectory;
import io.forestall.kernel.TenantProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The public action page behind a message's link: no login, the signed token names the tenant and
 * the message. It shows the message in the customer's language and takes their answer, a
 * satisfaction score or an opt-out; every answer moves the case. Opens and clicks are counted.
 */
@ApplicationScoped
public class ActionPages {

  /** What a customer may answer. */
  public enum Answer {
    /** Yes, that solves it (or: keep the remedy that was done). */
    ACCEPT,
    DECLINE,
    /** Talk to a person. */
    AGENT,
    /** One of the playbook's self-service options, named in the detail. */
    OPTION,
    /** Undo the remedy that was done for me. */
    UNDO
  }

  /**
   * What the page shows.
   *
   * @param bodyHtml the message's text as HTML: the action page template's markup, or an email's or
   *     SMS's text, escaped, in paragraphs
   * @param options the playbook's self-service options, for SELF_HEAL cases
   * @param answer what the customer answered already, or null
   * @param offerTitle the playbook's offer when the customer is eligible, else null
   */
  public record Page(
      String tenantName,
      String theme,
      String language,
      String level,
      String title,
      String bodyHtml,
      List<String> options,
      Answer answer,
      String answerDetail,
      Integer csat,
      boolean optedOut,
      Channel channel,
      String offerTitle,
      String offerDescription,
      boolean offerAccepted) {}

  /** A token the page refuses, and why. */
  public static final class RefusedException extends RuntimeException {
    private final ActionTokens.Refusal refusal;

    RefusedException(ActionTokens.Refusal refusal) {
      super("Action page token refused: " + refusal);
      this.refusal = refusal;
    }

    public ActionTokens.Refusal refusal() {
      return refusal;
    }
  }

  @Inject ActionTokens tokens;
  @Inject TenantDirectory tenants;
  @Inject ActionPageRecords records;
  @Inject Clock clock;

  /** The page, counting an open and, when the customer followed the link, a click. */
  public Page open(String token, boolean click) {
    return as(token, message -> records.page(message, click));
  }

  public Page answer(String token, Answer answer, String detail) {
    return as(token, message -> records.answer(message, answer, detail));
  }

  /** Where the offer's link leads, counting the click; empty when there is no offer. */
  public Optional<String> offerClicked(String token) {
    return as(token, message -> records.offerClicked(message));
  }

  public Page acceptOffer(String token) {
    return as(token, message -> records.acceptOffer(message));
  }

  /** A satisfaction score from 1 to 5; the first one counts. */
  public Page rate(String token, int csat) {
    if (csat < 1 || csat > 5) {
      throw new IllegalArgumentException("A score is 1 to 5");
    }
    return as(token, message -> records.rate(message, csat));
  }

  /** No more messages on this message's channel, from now on. */
  public Page optOut(String token) {
    return as(token, message -> records.consent(message, false));
  }

  public Page optIn(String token) {
    return as(token, message -> records.consent(message, true));
  }

  /** The open pixel: counts an open; a bad token is ignored, since images fail silently. */
  public void opened(String token) {
    try {
      as(token, message -> records.opened(message));
    } catch (RefusedException | NotFoundException e) {
      // An image request says nothing back.
    }
  }

  private <T> T as(String token, Function<Long, T> work) {
    ActionTokens.Reading reading = tokens.read(token, clock.instant());
    if (!reading.valid()) {
      throw new RefusedException(reading.refusal());
    }
    TenantProfile tenant =
        tenants
            .find(reading.claims().tenantSlug())
            .filter(t -> !t.suspended())
            .orElseThrow(() -> new NotFoundException("Tenant", reading.claims().tenantSlug()));
    return Caller.callAs(
        Caller.customer("Customer"),
        () -> TenantContext.call(tenant.key(), () -> work.apply(reading.claims().messageId())));
  }
}
