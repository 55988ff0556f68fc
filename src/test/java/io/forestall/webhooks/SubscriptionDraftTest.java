package io.forestall.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.kernel.IntegrationEvent;
import io.forestall.kernel.Violation;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscriptionDraftTest {

  @Test
  void onlyAbsoluteHttpUrlsArePlacesToSendTo() {
    assertNull(SubscriptionDraft.urlProblem("https://hooks.example.com/forestall?x=1"));
    assertNull(SubscriptionDraft.urlProblem("http://localhost:8089/hook"));
    for (String bad :
        List.of(
            "",
            "hooks.example.com/x",
            "/relative",
            "ftp://example.com/x",
            "javascript:alert(1)",
            "https://",
            "https://user:pw@example.com/x",
            "https://example.com/x#part",
            "https://exa mple.com/",
            "https://example.com/" + "x".repeat(2000))) {
      assertNotNull(SubscriptionDraft.urlProblem(bad), bad);
    }
  }

  @Test
  void namesEveryBrokenRule() {
    List<Violation> broken =
        new SubscriptionDraft("nope", "d".repeat(501), Set.of("case.detected", "case.eaten"), null)
            .check();
    assertEquals(
        List.of("/url", "/description", "/eventTypes"),
        broken.stream().map(Violation::pointer).toList());
    assertTrue(broken.get(2).message().contains("case.eaten"), broken.toString());
    assertEquals(
        "/eventTypes",
        new SubscriptionDraft("https://example.com", null, Set.of(), true)
            .check()
            .get(0)
            .pointer());
    assertTrue(
        new SubscriptionDraft("https://example.com", null, Set.of("case.resolved"), null)
            .check()
            .isEmpty());
  }

  @Test
  void thePayloadIsTheStandardWebhooksEnvelope() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("caseId", 42L);
    data.put("summary", "bill 182.40 vs 96.10");
    data.put("tags", List.of("a", 1));
    IntegrationEvent event =
        new IntegrationEvent(
            7L,
            IntegrationEvent.CASE_DETECTED,
            "case_42",
            data,
            Instant.parse("2026-03-01T10:15:30Z"));
    JsonObject json =
        Json.createReader(new StringReader(DeliveryQueue.payload(event))).readObject();
    assertEquals("case.detected", json.getString("type"));
    assertEquals("2026-03-01T10:15:30Z", json.getString("timestamp"));
    assertEquals(42, json.getJsonObject("data").getInt("caseId"));
    assertEquals("bill 182.40 vs 96.10", json.getJsonObject("data").getString("summary"));
    assertEquals(1, json.getJsonObject("data").getJsonArray("tags").getInt(1));
  }
}
