package io.forestall.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("security")
class FailureThrottleTest {

  @Test
  void aKeyWaitsOnceItHasFailedTheLimitWithinItsWindow() {
    FailureThrottle throttle = new FailureThrottle();
    for (int i = 0; i < FailureThrottle.LIMIT; i++) {
      assertEquals(0, throttle.blockedFor("1|10.0.0.1"), "after " + i + " failures");
      throttle.fail("1|10.0.0.1");
    }
    long wait = throttle.blockedFor("1|10.0.0.1");
    assertTrue(wait > 0 && wait <= 60, "waits for the rest of the minute: " + wait);
    assertEquals(0, throttle.blockedFor("1|10.0.0.2"), "another address");
    assertEquals(0, throttle.blockedFor("2|10.0.0.1"), "another tenant");
  }
}
