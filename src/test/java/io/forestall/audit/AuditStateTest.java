package io.forestall.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class AuditStateTest {

  @Test
  @Tag("security")
  void writesEachNamedFieldAsJsonInOrder() {
    String json =
        AuditState.of()
            .with("name", "Ops \"main\"")
            .with("count", 3)
            .with("cost", new BigDecimal("4.50"))
            .with("on", true)
            .with("types", List.of("ticket.created", "call.received"))
            .with("quietStart", LocalTime.of(21, 0))
            .with("at", Instant.parse("2026-01-02T03:04:05Z"))
            .with("revokedAt", null)
            .json();
    assertEquals(
        "{\"name\":\"Ops \\\"main\\\"\",\"count\":3,\"cost\":4.50,\"on\":true,"
            + "\"types\":[\"ticket.created\",\"call.received\"],\"quietStart\":\"21:00\","
            + "\"at\":\"2026-01-02T03:04:05Z\",\"revokedAt\":null}",
        json);
  }

  @Test
  @Tag("security")
  void answersTheSameJsonEachTimeItIsAsked() {
    AuditState state = AuditState.of().with("smsAuthToken", "set");
    assertEquals(state.json(), state.json());
    assertEquals("{\"smsAuthToken\":\"set\"}", state.json());
  }
}
