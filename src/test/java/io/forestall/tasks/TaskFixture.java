package io.forestall.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.forestall.testsupport.Api;
import io.forestall.testsupport.Api.Answer;
import io.forestall.testsupport.Wait;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Makes fresh cases and tasks through the API, as a tenant's systems would: a shadow (IGNORE)
 * playbook on a new event type finds new customers, and tasks are opened for those cases; or a
 * REACT playbook whose customer then makes contact.
 */
public final class TaskFixture {

  private TaskFixture() {}

  public static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * A case of a new customer, one per entry of {@code customers}, for the tenant of {@code key}.
   */
  public static List<Long> cases(String key, List<String> customers) throws Exception {
    String type = unique("followup.test_");
    long playbook = playbook(key, "IGNORE", type, "");
    StringBuilder events = new StringBuilder();
    for (String customer : customers) {
      events.append(events.isEmpty() ? "" : ",").append(event(customer, type));
    }
    Answer sent = Api.post("/api/v1/events", key, "{\"events\":[" + events + "]}");
    assertEquals(202, sent.status(), sent.body());
    List<JsonObject> found = awaitCases(key, playbook, customers.size());
    List<Long> ids = new ArrayList<>();
    for (String customer : customers) {
      ids.add(
          found.stream()
              .filter(c -> c.getJsonObject("customer").getString("externalId").equals(customer))
              .findFirst()
              .orElseThrow()
              .getJsonNumber("id")
              .longValue());
    }
    return ids;
  }

  /** Opens a TALK_TO_AGENT task for {@code caseId} in {@code team} and answers its id. */
  public static long task(String key, long caseId, String team) {
    Answer opened = Api.post("/api/v1/tasks", key, opening(caseId, team));
    assertEquals(201, opened.status(), opened.body());
    return opened.json().getJsonNumber("id").longValue();
  }

  public static String opening(long caseId, String team) {
    return "{\"caseId\":"
        + caseId
        + ",\"kind\":\"TALK_TO_AGENT\",\"team\":\""
        + team
        + "\",\"priority\":2,\"dueIn\":\"PT30M\"}";
  }

  /**
   * The existing way: a REACT playbook's case waits until its customer contacts the business; the
   * contact opens a REACT task. Answers the task's id.
   */
  public static long reactTask(String key) throws Exception {
    String outage = unique("outage.started_");
    String contact = unique("ticket.created_");
    long playbook = playbook(key, "REACT", outage, ",\"contactEventType\":\"" + contact + "\"");
    String customer = unique("REACT-");
    Api.post("/api/v1/events", key, event(customer, outage));
    long caseId = awaitCases(key, playbook, 1).get(0).getJsonNumber("id").longValue();
    Api.post("/api/v1/events", key, event(customer, contact));
    return Wait.until(
            "the contact opens a REACT task for case " + caseId,
            Duration.ofSeconds(10),
            () -> Api.get("/api/v1/cases/" + caseId, key).json().getJsonArray("tasks"),
            tasks -> !tasks.isEmpty())
        .getJsonObject(0)
        .getJsonNumber("id")
        .longValue();
  }

  private static long playbook(String key, String level, String type, String extra) {
    Answer created =
        Api.post(
            "/api/v1/playbooks",
            key,
            "{\"name\":\""
                + unique("Follow-up test ")
                + "\",\"level\":\""
                + level
                + "\",\"schedule\":\"0 0 6 * * ?\",\"cooldown\":\"PT0M\""
                + extra
                + ",\"trigger\":{\"conditions\":[{\"kind\":\"EVENT\",\"eventType\":\""
                + type
                + "\"}]}}");
    assertEquals(201, created.status(), created.body());
    long id = created.json().getJsonNumber("id").longValue();
    Answer published = Api.post("/api/v1/playbooks/" + id + "/publish", key, "");
    assertEquals(200, published.status(), published.body());
    return id;
  }

  private static String event(String customer, String type) {
    return "{\"id\":\""
        + UUID.randomUUID()
        + "\",\"customer\":\""
        + customer
        + "\",\"type\":\""
        + type
        + "\",\"occurredAt\":\""
        + Instant.now().minusSeconds(5)
        + "\"}";
  }

  private static List<JsonObject> awaitCases(String key, long playbook, int expected) {
    return Wait.until(
            expected + " cases of playbook " + playbook + " are detected",
            Duration.ofSeconds(10),
            () -> Api.get("/api/v1/cases?playbook=" + playbook, key).json().getJsonArray("items"),
            items -> items.size() >= expected)
        .stream()
        .map(JsonValue::asJsonObject)
        .toList();
  }
}
