package io.forestall.testsupport;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Builds a test's own cases through the API, as a tenant's systems would: an EVENT playbook on a
 * unique event type, events for new customers, and the customer's contact afterwards.
 */
public final class Scenario {

  private Scenario() {}

  public static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A published ALERT playbook firing on {@code type}, with its holdout share and window. */
  public static long playbook(
      String key, String name, String type, int holdoutPercent, String verifyWindow) {
    Api.Answer created =
        Api.post(
            "/api/v1/playbooks",
            key,
            "{\"name\":\""
                + name
                + "\",\"level\":\"ALERT\",\"schedule\":\"0 0 6 * * ?\",\"cooldown\":\"PT0M\","
                + "\"holdoutPercent\":"
                + holdoutPercent
                + ",\"verifyWindow\":\""
                + verifyWindow
                + "\",\"trigger\":{\"conditions\":[{\"kind\":\"EVENT\",\"eventType\":\""
                + type
                + "\"}]}}");
    if (created.status() != 201) {
      throw new AssertionError(created.body());
    }
    long id = created.json().getJsonNumber("id").longValue();
    Api.Answer published = Api.post("/api/v1/playbooks/" + id + "/publish", key, "");
    if (published.status() != 200) {
      throw new AssertionError(published.body());
    }
    return id;
  }

  /** One event of {@code type} now for each customer (created when new). */
  public static void events(String key, String type, List<String> customers) {
    String body =
        customers.stream()
            .map(
                c ->
                    "{\"id\":\""
                        + UUID.randomUUID()
                        + "\",\"customer\":\""
                        + c
                        + "\",\"type\":\""
                        + type
                        + "\",\"occurredAt\":\""
                        + Instant.now()
                        + "\"}")
            .collect(Collectors.joining(",", "{\"events\":[", "]}"));
    Api.Answer sent = Api.post("/api/v1/events", key, body);
    if (sent.status() != 202) {
      throw new AssertionError(sent.body());
    }
  }

  /** The customer opens a support ticket now: a contact. */
  public static void contact(String key, String customer) {
    events(key, "ticket.created", List.of(customer));
  }

  /** The playbook's cases (newest first) once there are {@code expected}. */
  public static List<JsonObject> awaitCases(String key, long playbook, int expected) {
    return Wait.until(
        expected + " cases of playbook " + playbook + " are detected",
        Duration.ofSeconds(30),
        () ->
            Api.get("/api/v1/cases?playbook=" + playbook + "&limit=200", key)
                .json()
                .getJsonArray("items")
                .stream()
                .map(JsonValue::asJsonObject)
                .toList(),
        items -> items.size() >= expected);
  }

  /** The case of {@code customer} among {@code cases}. */
  public static long caseOf(List<JsonObject> cases, String customer) {
    return cases.stream()
        .filter(c -> c.getJsonObject("customer").getString("externalId").equals(customer))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No case of " + customer))
        .getJsonNumber("id")
        .longValue();
  }
}
