package io.forestall.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.kernel.Violation;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The closed-loop settings' rules: event types, a cost in cents, a real currency code. */
class ClosedLoopSettingsTest {

  private static List<String> pointers(LoopSettings s) {
    return ClosedLoopSettings.check(s).stream().map(Violation::pointer).toList();
  }

  @Test
  void theDefaultsAreValid() {
    assertTrue(ClosedLoopSettings.check(LoopSettings.DEFAULTS).isEmpty());
  }

  @Test
  void everyBrokenRuleIsNamed() {
    assertEquals(
        List.of("/contactTypes", "/contactTypes", "/costPerContact", "/currency"),
        pointers(
            new LoopSettings(
                List.of("Ticket Created!", "call.received", "call.received"),
                new BigDecimal("-1"),
                "XYZ")));
    assertEquals(
        List.of("/contactTypes", "/costPerContact", "/currency"),
        pointers(new LoopSettings(List.of(), new BigDecimal("4.505"), "eur")));
    assertEquals(
        List.of("/costPerContact", "/currency"),
        pointers(new LoopSettings(List.of("ticket.created"), null, null)));
  }

  @Test
  void aCostWithCentsInARealCurrencyIsAccepted() {
    assertTrue(
        ClosedLoopSettings.check(
                new LoopSettings(List.of("chat.started"), new BigDecimal("12.5"), "GBP"))
            .isEmpty());
  }
}
