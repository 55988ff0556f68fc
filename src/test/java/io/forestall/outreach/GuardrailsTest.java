package io.forestall.outreach;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GuardrailsTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private static ZonedDateTime at(int day, int hour, int minute) {
    return ZonedDateTime.of(2026, 11, day, hour, minute, 0, 0, LONDON);
  }

  @Test
  void overnightQuietHoursEndTheNextMorning() {
    Guardrails g = Guardrails.DEFAULTS;
    assertEquals(Optional.of(at(23, 8, 0)), g.quietUntil(at(22, 21, 0)));
    assertEquals(Optional.of(at(23, 8, 0)), g.quietUntil(at(22, 23, 59)));
    assertEquals(Optional.of(at(23, 8, 0)), g.quietUntil(at(23, 7, 59)));
    assertEquals(Optional.empty(), g.quietUntil(at(23, 8, 0)));
    assertEquals(Optional.empty(), g.quietUntil(at(22, 20, 59)));
  }

  @Test
  void daytimeQuietHoursAndNoneAtAll() {
    Guardrails lunch = new Guardrails(LocalTime.of(12, 0), LocalTime.of(13, 30), 3, 7);
    assertEquals(Optional.of(at(22, 13, 30)), lunch.quietUntil(at(22, 12, 15)));
    assertEquals(Optional.empty(), lunch.quietUntil(at(22, 13, 30)));
    Guardrails none = new Guardrails(LocalTime.of(9, 0), LocalTime.of(9, 0), 3, 7);
    assertEquals(Optional.empty(), none.quietUntil(at(22, 9, 0)));
  }
}
