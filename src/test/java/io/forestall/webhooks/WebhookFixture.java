package io.forestall.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.testsupport.Api;
import io.forestall.testsupport.Api.Answer;
import io.forestall.testsupport.Outreach;
import io.forestall.testsupport.Wait;
import java.time.Duration;

/** Makes the integration events the webhook tests deliver, through the public API. */
public final class WebhookFixture {

  private WebhookFixture() {}

  /**
   * Opens one case for a new customer {@code customer} with a new EVENT playbook and answers the
   * case's id; its scan fires {@code case.detected}.
   */
  public static long detect(String key, String run, String customer) {
    String type = "webhook.test_" + run;
    Answer playbook =
        Api.post(
            "/api/v1/playbooks",
            key,
            "{\"name\":\"Webhook "
                + run
                + "\",\"level\":\"ALERT\",\"schedule\":\"0 0 6 * * ?\",\"cooldown\":\"PT0M\","
                + "\"holdoutPercent\":0,\"trigger\":{\"conditions\":[{\"kind\":\"EVENT\","
                + "\"eventType\":\""
                + type
                + "\"}]}}");
    assertEquals(201, playbook.status(), playbook.body());
    long id = playbook.json().getJsonNumber("id").longValue();
    assertEquals(200, Api.post("/api/v1/playbooks/" + id + "/publish", key, "").status());
    Answer created =
        Api.post(
            "/api/v1/customers",
            key,
            "{\"externalId\":\"" + customer + "\",\"name\":\"Webhook Test\"}");
    assertTrue(created.status() < 300, created.body());
    Outreach.event(key, customer, type);
    Answer scan = Api.post("/api/v1/playbooks/" + id + "/scan", key, "");
    assertEquals(200, scan.status(), scan.body());
    return Wait.until(
            "the case of " + customer + " is detected",
            Duration.ofSeconds(10),
            () -> Api.get("/api/v1/cases?playbook=" + id, key).json().getJsonArray("items"),
            items -> !items.isEmpty())
        .getJsonObject(0)
        .getJsonNumber("id")
        .longValue();
  }
}
