package io.forestall.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.testsupport.Api;
import io.forestall.testsupport.Deployments;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What Prometheus scrapes from a node at {@code :9990/metrics}: the app's meters move with the work
 * (events accepted, scans and their durations) next to the outbox's state and lag.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MetricsIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.forestall();
  }

  @Test
  void theAppsMetersMoveWithItsWork() throws Exception {
    String key = Api.key("acme-admin", "FULL");
    String before = scrape();
    double accepted = value(before, "forestall_events_accepted_total");
    double scans =
        value(before, "forestall_scan_duration_seconds_count\\{[^}]*mode=\"MANUAL\"[^}]*\\}");

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

    String after = scrape();
    assertEquals(accepted + 2, value(after, "forestall_events_accepted_total"), 0.001);
    assertEquals(
        scans + 1,
        value(after, "forestall_scan_duration_seconds_count\\{[^}]*mode=\"MANUAL\"[^}]*\\}"),
        0.001);
    List<String> ours = after.lines().filter(l -> l.startsWith("forestall_")).toList();
    assertTrue(after.contains("forestall_outbox_lag_seconds"), "the outbox lag in " + ours);
    assertTrue(
        Pattern.compile("forestall_outreach_messages\\{[^}]*state=\"QUEUED\"")
            .matcher(after)
            .find(),
        "messages per state in " + ours);
    for (String outcome : List.of("delivered", "failed")) {
      assertTrue(
          Pattern.compile("forestall_webhook_deliveries_total\\{[^}]*outcome=\"" + outcome + "\"")
              .matcher(after)
              .find(),
          "webhook deliveries " + outcome + " in " + ours);
    }
  }

  private static String scrape() throws Exception {
    HttpResponse<String> metrics =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://localhost:9990/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, metrics.statusCode(), metrics.body());
    return metrics.body();
  }

  /** The sample of the metric whose name and labels match {@code series}, 0 when absent. */
  private static double value(String scrape, String series) {
    Matcher m =
        Pattern.compile("(?m)^" + series + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(scrape);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }
}
