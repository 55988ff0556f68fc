package io.forestall.cases;

import java.math.BigDecimal;
import java.util.List;

/**
 * A tenant's closed-loop settings: which event types are the customer contacting the business (a
 * repeat contact reopens a resolved case) and what one contact costs, for the failure demand.
 *
 * @param contactTypes event types such as {@code ticket.created}, in the order the tenant gave
 * @param costPerContact the cost of one contact, in {@code currency}
 * @param currency an ISO 4217 code such as GBP
 */
public record LoopSettings(List<String> contactTypes, BigDecimal costPerContact, String currency) {

  public static final LoopSettings DEFAULTS =
      new LoopSettings(
          List.of("ticket.created", "call.received", "chat.started", "complaint.created"),
          new BigDecimal("5.00"),
          "EUR");

  public LoopSettings {
    contactTypes = contactTypes == null ? List.of() : List.copyOf(contactTypes);
  }
}
