package io.forestall.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The rates, their difference and its interval, against the figures Newcombe (1998) published. */
class RepeatContactRatesTest {

  @Test
  void newcombesExampleGivesHisHybridScoreInterval() {
    // Newcombe, Statistics in Medicine 17 (1998) 873-890, table II, example (a): 56/70 - 48/80.
    RepeatContactRates rates = new RepeatContactRates(70, 56, 80, 48);
    assertEquals(0.2, rates.difference().orElseThrow(), 1e-9);
    RepeatContactRates.Interval interval = rates.interval().orElseThrow();
    assertEquals(0.0524, interval.lower(), 5e-4);
    assertEquals(0.3339, interval.upper(), 5e-4);
  }

  @Test
  void extremeRatesStayInsideTheUnitRange() {
    // Example (c) of the same table: 5/56 - 0/29 gives -0.0381 to 0.1926.
    RepeatContactRates.Interval interval =
        new RepeatContactRates(56, 5, 29, 0).interval().orElseThrow();
    assertEquals(-0.0381, interval.lower(), 5e-4);
    assertEquals(0.1926, interval.upper(), 5e-4);
    RepeatContactRates.Interval all = new RepeatContactRates(3, 3, 4, 0).interval().orElseThrow();
    assertTrue(all.lower() > 0 && all.upper() <= 1, all.toString());
  }

  @Test
  void anEmptyGroupHasNoRateAndNoInterval() {
    RepeatContactRates rates = new RepeatContactRates(4, 1, 0, 0);
    assertEquals(0.25, rates.contactedRate().orElseThrow(), 1e-9);
    assertTrue(rates.heldOutRate().isEmpty());
    assertTrue(rates.difference().isEmpty());
    assertTrue(rates.interval().isEmpty());
  }
}
