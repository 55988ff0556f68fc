package io.forestall.webhooks.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.forestall.testsupport.Api;
import io.forestall.testsupport.Api.Answer;
import io.forestall.testsupport.Deployments;
import io.forestall.testsupport.Metrics;
import io.forestall.testsupport.Wait;
import io.forestall.webhooks.WebhookFixture;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Outbound webhooks over HTTP with a real subscriber (WireMock in this JVM): a scan's new case is
 * delivered signed per Standard Webhooks (checked here with an independent verification), retried
 * after a 500, logged attempt by attempt and replayed under the same webhook-id; bad input stores
 * nothing; another tenant reaches none of it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebhookApiIT {

  private static final String SUBSCRIPTIONS = "/api/v1/webhook-subscriptions";
  private static WireMockServer subscriber;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.forestall();
  }

  @BeforeAll
  static void startSubscriber() {
    subscriber = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    subscriber.start();
  }

  @AfterAll
  static void stopSubscriber() {
    subscriber.stop();
  }

  private static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String subscription(String url, String types) {
    return "{\"url\":\"" + url + "\",\"description\":\"Test\",\"eventTypes\":" + types + "}";
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  @Test
  void aNewCaseIsDeliveredSignedRetriedAfterA500LoggedAndReplayed() throws Exception {
    String key = Api.key("brightwheel-admin", "FULL");
    String run = unique("");
    String path = "/hooks/" + run;
    String customer = "WH-" + run;
    String metrics = Metrics.scrape();
    double delivered = deliveries(metrics, "delivered");
    double failed = deliveries(metrics, "failed");
    subscriber.stubFor(
        post(urlEqualTo(path))
            .withRequestBody(containing(customer))
            .inScenario(run)
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(500).withBody("database down"))
            .willSetStateTo("up"));
    subscriber.stubFor(
        post(urlEqualTo(path))
            .withRequestBody(containing(customer))
            .inScenario(run)
            .whenScenarioStateIs("up")
            .willReturn(aResponse().withStatus(200).withFixedDelay(300).withBody("{\"ok\":true}")));

    Answer created =
        Api.post(
            SUBSCRIPTIONS,
            key,
            subscription("http://localhost:" + subscriber.port() + path, "[\"case.detected\"]"));
    assertEquals(201, created.status(), created.body());
    String secret = created.json().getString("secret");
    assertTrue(secret.startsWith("whsec_"), secret);
    assertEquals(24, Base64.getDecoder().decode(secret.substring(6)).length);
    long id = created.json().getJsonNumber("id").longValue();
    Answer read = Api.get(SUBSCRIPTIONS + "/" + id, key);
    assertEquals(200, read.status(), read.body());
    assertFalse(read.body().contains(secret.substring(6)), "the secret is shown only once");
    assertFalse(read.json().containsKey("secret"));
    assertTrue(read.json().getBoolean("enabled"));

    long started = System.nanoTime();
    long caseId = WebhookFixture.detect(key, run, customer);

    List<LoggedRequest> received = awaitRequests(path, customer, 2);
    LoggedRequest first = received.get(0);
    LoggedRequest second = received.get(1);
    for (LoggedRequest r : received) {
      verifyStandardWebhook(secret, r);
    }
    assertTrue(first.getHeader("webhook-id").startsWith("msg_"), first.getHeader("webhook-id"));
    assertEquals(first.getHeader("webhook-id"), second.getHeader("webhook-id"), "stable id");
    assertEquals(first.getBodyAsString(), second.getBodyAsString(), "the same body");
    JsonObject body = json(first.getBodyAsString());
    assertEquals("case.detected", body.getString("type"));
    Instant.parse(body.getString("timestamp"));
    JsonObject data = body.getJsonObject("data");
    assertEquals(caseId, data.getJsonNumber("caseId").longValue());
    assertEquals(customer, data.getString("customer"));
    assertEquals("ALERT", data.getString("level"));
    assertTrue(data.getString("playbookName").contains(run), data.toString());
    long waited =
        Long.parseLong(second.getHeader("webhook-timestamp"))
            - Long.parseLong(first.getHeader("webhook-timestamp"));
    assertTrue(waited >= 4, "the retry waits about 5 s, waited " + waited);

    JsonObject delivery = awaitDelivery(key, id, customer, "DELIVERED", 2);
    long elapsed = Duration.ofNanos(System.nanoTime() - started).toMillis();
    assertEquals(first.getHeader("webhook-id"), delivery.getString("webhookId"));
    assertEquals(200, delivery.getInt("lastStatus"));
    var log = delivery.getJsonArray("attemptLog");
    assertEquals(500, log.getJsonObject(0).getInt("status"));
    assertEquals("database down", log.getJsonObject(0).getString("responseBody"));
    assertEquals("HTTP 500", log.getJsonObject(0).getString("error"));
    assertEquals(200, log.getJsonObject(1).getInt("status"));
    long latency = log.getJsonObject(1).getJsonNumber("latencyMs").longValue();
    assertTrue(
        latency >= 300 && latency <= elapsed,
        "the subscriber took 300 ms to answer and the test " + elapsed + " ms: " + latency);
    assertEquals(
        first.getHeader("webhook-id"),
        log.getJsonObject(1).getJsonObject("requestHeaders").getString("webhook-id"));
    assertEquals(
        customer, delivery.getJsonObject("payload").getJsonObject("data").getString("customer"));
    assertTrue(Api.get(SUBSCRIPTIONS + "/" + id, key).json().containsKey("lastSuccessAt"));

    long deliveryId = delivery.getJsonNumber("id").longValue();
    String globex = Api.key("globex-admin", "FULL");
    assertEquals(
        404, Api.post("/api/v1/webhook-deliveries/" + deliveryId + "/replay", globex, "").status());
    assertEquals(404, Api.get("/api/v1/webhook-deliveries/" + deliveryId, globex).status());

    Answer replayed = Api.post("/api/v1/webhook-deliveries/" + deliveryId + "/replay", key, "");
    assertEquals(202, replayed.status(), replayed.body());
    List<LoggedRequest> again = awaitRequests(path, customer, 3);
    verifyStandardWebhook(secret, again.get(2));
    assertEquals(first.getHeader("webhook-id"), again.get(2).getHeader("webhook-id"));
    assertEquals(first.getBodyAsString(), again.get(2).getBodyAsString());
    JsonObject afterReplay = awaitDelivery(key, id, customer, "DELIVERED", 3);
    assertTrue(afterReplay.getJsonArray("attemptLog").getJsonObject(2).getBoolean("replay"));
    // At least: the scans of other tests may deliver to their own subscribers meanwhile.
    metrics = Metrics.scrape();
    assertTrue(deliveries(metrics, "delivered") >= delivered + 2, "delivered, from " + delivered);
    assertTrue(deliveries(metrics, "failed") >= failed + 1, "failed, from " + failed);
  }

  @Test
  void aRotatedSecretSignsBesideTheOldOneAndADisabledSubscriptionGetsNothing() throws Exception {
    String key = Api.key("brightwheel-admin", "FULL");
    String run = unique("");
    String path = "/rotated/" + run;
    String customer = "WR-" + run;
    subscriber.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
    Answer created =
        Api.post(
            SUBSCRIPTIONS,
            key,
            subscription("http://localhost:" + subscriber.port() + path, "[\"case.detected\"]"));
    long id = created.json().getJsonNumber("id").longValue();
    String old = created.json().getString("secret");
    Answer rotated = Api.post(SUBSCRIPTIONS + "/" + id + "/rotate-secret", key, "");
    assertEquals(200, rotated.status(), rotated.body());
    String fresh = rotated.json().getString("secret");
    assertFalse(fresh.equals(old));
    assertTrue(rotated.json().containsKey("previousSecretValidUntil"));

    WebhookFixture.detect(key, run, customer);
    LoggedRequest sent = awaitRequests(path, customer, 1).get(0);
    verifyStandardWebhook(fresh, sent);
    verifyStandardWebhook(old, sent);

    Answer off =
        Api.put(
            SUBSCRIPTIONS + "/" + id,
            key,
            "{\"url\":\"http://localhost:"
                + subscriber.port()
                + path
                + "\",\"eventTypes\":[\"case.detected\"],\"enabled\":false}");
    assertEquals(200, off.status(), off.body());
    assertFalse(off.json().getBoolean("enabled"));
    assertTrue(off.json().getString("disabledReason").startsWith("Disabled by"));
    // A second subscription to the same events gets the next case: it was detected and told, and
    // the deliveries of every subscription were queued with it.
    String witness = "/witness/" + run;
    subscriber.stubFor(post(urlEqualTo(witness)).willReturn(aResponse().withStatus(204)));
    Answer second =
        Api.post(
            SUBSCRIPTIONS,
            key,
            subscription("http://localhost:" + subscriber.port() + witness, "[\"case.detected\"]"));
    assertEquals(201, second.status(), second.body());
    long secondId = second.json().getJsonNumber("id").longValue();
    String later = "WR2-" + run;
    WebhookFixture.detect(key, run + "b", later);
    awaitRequests(witness, later, 1);
    assertEquals(
        0,
        Api.get(SUBSCRIPTIONS + "/" + id + "/deliveries", key).json().getJsonArray("items").stream()
            .filter(d -> d.toString().contains(later))
            .count(),
        "no delivery is queued for a disabled subscription");
    assertEquals(
        0,
        subscriber
            .findAll(postRequestedFor(urlEqualTo(path)).withRequestBody(containing(later)))
            .size(),
        "a disabled subscription gets nothing");

    assertEquals(204, Api.delete(SUBSCRIPTIONS + "/" + secondId, key).status());
    assertEquals(204, Api.delete(SUBSCRIPTIONS + "/" + id, key).status());
    assertEquals(404, Api.get(SUBSCRIPTIONS + "/" + id, key).status());
  }

  @Test
  @Tag("security")
  void addressesInsideOurNetworkAreRefusedWhenSavedAndNotCalledWhenSent() throws Exception {
    String key = Api.key("globex-admin", "FULL");
    int before = Api.get(SUBSCRIPTIONS, key).json().getJsonArray("items").size();
    for (String url :
        List.of(
            "http://169.254.169.254/latest/meta-data/",
            "http://127.0.0.1:9990/metrics",
            "http://localhost:8180/realms/master",
            "http://0x7f000002:" + subscriber.port() + "/hook",
            "http://2130706434:" + subscriber.port() + "/hook",
            "http://[::1]:8080/api/v1/api-keys",
            "http://10.0.0.7/hook",
            "http://[::ffff:169.254.169.254]/")) {
      Answer refused = Api.post(SUBSCRIPTIONS, key, subscription(url, "[\"case.detected\"]"));
      assertEquals(400, refused.status(), url + " -> " + refused.body());
      assertTrue(refused.body().contains("\"/url\""), refused.body());
    }
    assertEquals(before, Api.get(SUBSCRIPTIONS, key).json().getJsonArray("items").size());

    String run = unique("");
    Answer unresolved =
        Api.post(
            SUBSCRIPTIONS,
            key,
            subscription("http://hooks-" + run + ".invalid/x", "[\"case.detected\"]"));
    assertEquals(201, unresolved.status(), "a name not in DNS yet may be saved");
    long id = unresolved.json().getJsonNumber("id").longValue();
    WebhookFixture.detect(key, run, "WN-" + run);
    Wait.until(
        "the attempt is refused at send time",
        Duration.ofSeconds(30),
        () -> Api.get(SUBSCRIPTIONS + "/" + id + "/deliveries", key).body(),
        log -> log.contains("Refused: the URL names a host that does not resolve"));
    assertEquals(204, Api.delete(SUBSCRIPTIONS + "/" + id, key).status());
  }

  @Test
  void anotherTenantNeitherSeesNorChangesASubscription() {
    String acme = Api.key("acme-admin", "FULL");
    Answer created =
        Api.post(
            SUBSCRIPTIONS,
            acme,
            subscription("https://acme.example/hooks", "[\"remedy.requested\"]"));
    assertEquals(201, created.status(), created.body());
    long id = created.json().getJsonNumber("id").longValue();
    String before = Api.get(SUBSCRIPTIONS + "/" + id, acme).body();

    for (String globex : List.of(Api.key("globex-admin", "FULL"), Api.token("globex-admin"))) {
      assertEquals(404, Api.get(SUBSCRIPTIONS + "/" + id, globex).status());
      assertEquals(
          404,
          Api.put(
                  SUBSCRIPTIONS + "/" + id,
                  globex,
                  subscription("https://evil.example/x", "[\"case.detected\"]"))
              .status());
      assertEquals(404, Api.post(SUBSCRIPTIONS + "/" + id + "/rotate-secret", globex, "").status());
      assertEquals(404, Api.get(SUBSCRIPTIONS + "/" + id + "/deliveries", globex).status());
      assertEquals(404, Api.delete(SUBSCRIPTIONS + "/" + id, globex).status());
      Answer list = Api.get(SUBSCRIPTIONS, globex);
      assertEquals(200, list.status(), list.body());
      assertFalse(list.body().contains("acme.example"), list.body());
    }
    assertEquals(before, Api.get(SUBSCRIPTIONS + "/" + id, acme).body(), "unchanged");
    assertEquals(403, Api.get(SUBSCRIPTIONS, Api.key("acme-admin", "INGEST")).status());
    assertEquals(403, Api.get(SUBSCRIPTIONS, Api.token("acme-agent")).status());
    assertEquals(401, Api.get(SUBSCRIPTIONS, null).status());
  }

  @Test
  void badInputIsNamedAndNothingIsStored() {
    String key = Api.key("globex-admin", "FULL");
    int before = Api.get(SUBSCRIPTIONS, key).json().getJsonArray("items").size();
    String ok = "\"url\":\"https://globex.example/h\"";
    List<String[]> corpus =
        List.of(
            new String[] {"{\"url\":\"not a url\",\"eventTypes\":[\"case.detected\"]}", "/url"},
            new String[] {
              "{\"url\":\"ftp://globex.example/h\",\"eventTypes\":[\"case.detected\"]}", "/url"
            },
            new String[] {"{\"url\":\"/relative\",\"eventTypes\":[\"case.detected\"]}", "/url"},
            new String[] {"{\"url\":7,\"eventTypes\":[\"case.detected\"]}", "/url"},
            new String[] {"{\"eventTypes\":[\"case.detected\"]}", "/url"},
            new String[] {"{" + ok + ",\"eventTypes\":[\"case.eaten\"]}", "/eventTypes"},
            new String[] {"{" + ok + ",\"eventTypes\":[]}", "/eventTypes"},
            new String[] {"{" + ok + "}", "/eventTypes"},
            new String[] {"{" + ok + ",\"eventTypes\":\"case.detected\"}", "/eventTypes"},
            new String[] {"{" + ok + ",\"eventTypes\":[1]}", "/eventTypes/0"},
            new String[] {
              "{" + ok + ",\"eventTypes\":[\"case.detected\"],\"colour\":\"red\"}", "/colour"
            },
            new String[] {
              "{" + ok + ",\"eventTypes\":[\"case.detected\"],\"enabled\":\"yes\"}", "/enabled"
            },
            new String[] {
              "{"
                  + ok
                  + ",\"eventTypes\":[\"case.detected\"],\"description\":\""
                  + "d".repeat(501)
                  + "\"}",
              "/description"
            },
            new String[] {"[]", null},
            new String[] {"{\"url\":", null},
            new String[] {"", null});
    for (String[] c : corpus) {
      Answer answer = Api.post(SUBSCRIPTIONS, key, c[0]);
      assertEquals(400, answer.status(), c[0] + " -> " + answer.body());
      assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
      if (c[1] != null) {
        assertTrue(answer.body().contains("\"" + c[1] + "\""), c[1] + " in " + answer.body());
      }
    }
    Answer both =
        Api.post(SUBSCRIPTIONS, key, "{\"url\":\"nope\",\"eventTypes\":[\"x\"],\"colour\":1}");
    for (String pointer : List.of("/url", "/eventTypes", "/colour")) {
      assertTrue(both.body().contains("\"" + pointer + "\""), pointer + " in " + both.body());
    }
    assertEquals(before, Api.get(SUBSCRIPTIONS, key).json().getJsonArray("items").size());

    long id =
        Api.post(
                SUBSCRIPTIONS,
                key,
                subscription("https://globex.example/ok", "[\"case.resolved\"]"))
            .json()
            .getJsonNumber("id")
            .longValue();
    String stored = Api.get(SUBSCRIPTIONS + "/" + id, key).body();
    assertEquals(
        400,
        Api.put(SUBSCRIPTIONS + "/" + id, key, subscription("mailto:x@y.z", "[\"case.resolved\"]"))
            .status());
    assertEquals(stored, Api.get(SUBSCRIPTIONS + "/" + id, key).body(), "nothing half-written");
    assertEquals(400, Api.get(SUBSCRIPTIONS + "/" + id + "/deliveries?limit=0", key).status());
    assertEquals(404, Api.get(SUBSCRIPTIONS + "/999999999", key).status());
    assertEquals(404, Api.post("/api/v1/webhook-deliveries/999999999/replay", key, "").status());
    assertEquals(204, Api.delete(SUBSCRIPTIONS + "/" + id, key).status());
  }

  /** Prometheus' count of webhook deliveries with {@code outcome}. */
  private static double deliveries(String scrape, String outcome) {
    return Metrics.value(
        scrape, "forestall_webhook_deliveries_total\\{[^}]*outcome=\"" + outcome + "\"[^}]*\\}");
  }

  private static List<LoggedRequest> awaitRequests(String path, String customer, int count) {
    return Wait.until(
        count + " deliveries about " + customer + " reach " + path,
        Duration.ofSeconds(30),
        () ->
            subscriber.findAll(
                postRequestedFor(urlEqualTo(path)).withRequestBody(containing(customer))),
        found -> found.size() >= count);
  }

  /** The customer's delivery once it is in {@code state} with {@code attempts} attempts logged. */
  private static JsonObject awaitDelivery(
      String key, long subscription, String customer, String state, int attempts) {
    return Wait.until(
        "the delivery about " + customer + " is " + state + " after " + attempts + " attempts",
        Duration.ofSeconds(30),
        () ->
            Api.get(SUBSCRIPTIONS + "/" + subscription + "/deliveries", key)
                .json()
                .getJsonArray("items")
                .stream()
                .map(JsonValue::asJsonObject)
                .filter(
                    d ->
                        d.getJsonObject("payload")
                            .getJsonObject("data")
                            .getString("customer")
                            .equals(customer))
                .findFirst()
                .orElse(null),
        d ->
            d != null
                && d.getString("state").equals(state)
                && d.getJsonArray("attemptLog").size() == attempts);
  }

  /**
   * Standard Webhooks verification as a subscriber would write it, independent of Forestall: one of
   * the space-separated {@code v1,} signatures is the HMAC-SHA256 of {@code id.timestamp.body}
   * under the base64-decoded secret, and the timestamp is within five minutes of now.
   */
  private static void verifyStandardWebhook(String secret, LoggedRequest request) throws Exception {
    String id = request.getHeader("webhook-id");
    String timestamp = request.getHeader("webhook-timestamp");
    String signatures = request.getHeader("webhook-signature");
    assertTrue(id != null && timestamp != null && signatures != null, request.toString());
    assertTrue(request.getHeader("Content-Type").startsWith("application/json"));
    long sent = Long.parseLong(timestamp);
    assertTrue(Math.abs(System.currentTimeMillis() / 1000 - sent) < 300, "fresh timestamp");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
    String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(request.getBody()));
    assertTrue(
        List.of(signatures.split(" ")).contains(expected),
        "signature " + signatures + " should contain " + expected);
  }
}
