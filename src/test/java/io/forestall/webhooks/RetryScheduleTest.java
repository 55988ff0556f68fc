package io.forestall.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

  @Test
  void followsTheStandardWebhooksScheduleThenGivesUp() {
    assertEquals(Optional.of(Duration.ofSeconds(5)), RetrySchedule.after(1));
    assertEquals(Optional.of(Duration.ofMinutes(5)), RetrySchedule.after(2));
    assertEquals(Optional.of(Duration.ofMinutes(30)), RetrySchedule.after(3));
    assertEquals(Optional.of(Duration.ofHours(2)), RetrySchedule.after(4));
    assertEquals(Optional.of(Duration.ofHours(5)), RetrySchedule.after(5));
    assertEquals(Optional.of(Duration.ofHours(10)), RetrySchedule.after(6));
    assertEquals(Optional.of(Duration.ofHours(14)), RetrySchedule.after(7));
    assertEquals(Optional.of(Duration.ofHours(20)), RetrySchedule.after(8));
    assertEquals(Optional.of(Duration.ofHours(24)), RetrySchedule.after(9));
    assertEquals(Optional.empty(), RetrySchedule.after(10));
    assertEquals(Optional.empty(), RetrySchedule.after(11));
    assertEquals(10, RetrySchedule.ATTEMPTS);
    assertThrows(IllegalArgumentException.class, () -> RetrySchedule.after(0));
  }

  @Test
  void spansAboutThreeDays() {
    Duration span = RetrySchedule.span();
    assertEquals(Duration.ofHours(75).plusMinutes(35).plusSeconds(5), span);
    assertTrue(span.compareTo(Duration.ofDays(3)) > 0 && span.compareTo(Duration.ofDays(4)) < 0);
  }
}
