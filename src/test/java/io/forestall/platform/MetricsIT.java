package io.forestall.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.testsupport.Api;
import io.forestall.testsupport.Deployments;
import io.forestall.testsupport.Metrics;
import io.forestall.testsupport.Outreach;
import io.forestall.testsupport.Wait;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What Prometheus scrapes from a node at {@code :9990/metrics}: the app's meters move with the work
 * (events accepted, scans and their durations, messages in the outbox per state) next to the
 * outbox's lag. Webhook deliveries are counted in {@code WebhookApiIT}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MetricsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.forestall();
  }

  @Test
  void theAppsMetersMoveWithItsWork() throws Exception {
    String key = Api.key("acme-admin", "FULL");
    String before = Metrics.scrape();
    double accepted = Metrics.value(before, "forestall_events_accepted_total");
    double scans =
        Metrics.value(
            before, "forestall_scan_duration_seconds_count\\{[^}]*mode=\"MANUAL\"[^}]*\\}");

    String customer = "MT-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Answer sent =
        Api.post(
            "/api/v1/events",
            key,
            "{\"events\":[{\"id\":\""
                + customer
                + "-1\",\"customer\":\""
                + customer
                + "\","
                + "\"type\":\"usage.daily\",\"occurredAt\":\""
                + Instant.now()
                + "\"},"
                + "{\"id\":\""
                + customer
                + "-2\",\"customer\":\""
                + customer
                + "\","
                + "\"type\":\"usage.daily\",\"occurredAt\":\""
                + Instant.now()
                + "\"}]}");
    assertEquals(202, sent.status(), sent.body());
    long playbook =
        Api.get("/api/v1/playbooks", key).json().getJsonArray("items").stream()
            .map(JsonValue::asJsonObject)
            .filter(p -> p.containsKey("publishedVersion"))
            .findFirst()
            .orElseThrow()
            .getJsonNumber("id")
            .longValue();
    Api.Answer scanned = Api.post("/api/v1/playbooks/" + playbook + "/scan", key, "");
    assertEquals(200, scanned.status(), scanned.body());

    String after = Metrics.scrape();
    assertEquals(accepted + 2, Metrics.value(after, "forestall_events_accepted_total"), 0.001);
    assertEquals(
        scans + 1,
        Metrics.value(
            after, "forestall_scan_duration_seconds_count\\{[^}]*mode=\"MANUAL\"[^}]*\\}"),
        0.001);
    assertTrue(after.contains("forestall_outbox_lag_seconds"), "the outbox lag");
  }

  @Test
  void theOutboxGaugesCountAMessageHeldForItsRemedy() throws Exception {
    String key = Api.key("acme-admin", "FULL");
    String waiting = "forestall_outreach_messages\\{[^}]*state=\"WAITING\"[^}]*\\}";
    double before = Metrics.value(Metrics.scrape(), waiting);

    Outreach.openGuardrails(key);
    String run = UUID.randomUUID().toString().substring(0, 8);
    long template =
        Outreach.emailTemplate(
            key,
            "Metrics " + run,
            "{\"en\":{\"subject\":\"Done for you\",\"html\":\"<p>{{case.summary}}</p>\","
                + "\"text\":\"{{case.summary}}\"}}");
    long playbook =
        Outreach.playbook(
            key,
            "Metrics " + run,
            "PRE_EMPT",
            "metrics.held_" + run,
            template,
            ",\"remedy\":{\"action\":\"refunded the fee\",\"confirmBy\":\"API\"}");
    Outreach.customer(key, "MW-" + run, "mw." + run + "@example.com", "en");
    Outreach.event(key, "MW-" + run, "metrics.held_" + run);
    Outreach.awaitMessage(key, playbook, "WAITING");

    // The gauges read the outbox at most every ten seconds.
    double now =
        Wait.until(
            "the gauge counts the message waiting for its remedy",
            Duration.ofSeconds(30),
            () -> Metrics.value(Metrics.scrape(), waiting),
            value -> value >= before + 1);
    assertEquals(before + 1, now, 0.001, "messages waiting for their remedy");
  }
}
