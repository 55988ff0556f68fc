package io.forestall.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.forestall.testsupport.Api;
import io.forestall.testsupport.Api.Answer;
import io.forestall.testsupport.Deployments;
import io.forestall.testsupport.Outreach;
import io.forestall.testsupport.Wait;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An ALERT playbook with an SMS template, end to end through an SMS provider played by WireMock:
 * each consenting customer gets exactly one SMS with the rendered text and the message's
 * Idempotency-Key, a 500 is tried again with the same key, a refusal is final, and the cases of
 * customers without consent or phone, or of a tenant without SMS, say why they got none.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SmsDispatchIT {

  private static final String SETTINGS = "/api/v1/settings/channels";
  private static WireMockServer provider;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.forestall();
  }

  @BeforeAll
  static void startProvider() {
    provider = new WireMockServer(options().dynamicPort());
    provider.start();
  }

  @AfterAll
  static void stopProvider() {
    provider.stop();
    Api.put(SETTINGS, Api.key("acme-admin", "FULL"), "{\"smsAuthToken\":null}");
  }

  @Test
  void eachConsentingCustomerGetsExactlyOneSmsAndTheOthersCasesSayWhy() throws Exception {
    String key = Api.key("acme-admin", "FULL");
    guardrails(key);
    String run = UUID.randomUUID().toString().substring(0, 8);
    String path = "/sms/" + run;
    String token = "tok-" + run;
    Answer set =
        Api.put(
            SETTINGS,
            key,
            "{\"smsEnabled\":true,\"smsProviderUrl\":\"http://127.0.0.1:"
                + provider.port()
                + path
                + "\",\"smsSenderId\":\"AcmeTel\",\"smsAuthToken\":\""
                + token
                + "\"}");
    assertEquals(200, set.status(), set.body());

    long n = ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
    String yes = "+4471" + n;
    String retried = "+4472" + n;
    String refused = "+4473" + n;
    String unwilling = "+4474" + n;
    provider.stubFor(
        post(urlEqualTo(path))
            .atPriority(5)
            .willReturn(accepted("{\"id\":\"prov-" + run + "\",\"status\":\"accepted\"}")));
    provider.stubFor(
        post(urlEqualTo(path))
            .atPriority(1)
            .withRequestBody(matchingJsonPath("$.to", equalTo(retried)))
            .inScenario("retry " + run)
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("failed once")
            .willReturn(aResponse().withStatus(500).withBody("{\"error\":\"try later\"}")));
    provider.stubFor(
        post(urlEqualTo(path))
            .atPriority(1)
            .withRequestBody(matchingJsonPath("$.to", equalTo(refused)))
            .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"number blocked\"}")));

    long template = smsTemplate(key, "Outage SMS " + run);
    String type = "line.down_" + run;
    long playbook = Outreach.playbook(key, "Outage SMS " + run, "ALERT", type, "SMS", template, "");
    Map<String, String> customers = new HashMap<>();
    customers.put("SMS-YES-" + run, yes);
    customers.put("SMS-RETRY-" + run, retried);
    customers.put("SMS-REFUSED-" + run, refused);
    customers.put("SMS-NO-" + run, unwilling);
    customers.put("SMS-NOPHONE-" + run, null);
    for (Map.Entry<String, String> c : customers.entrySet()) {
      boolean consent = !c.getKey().startsWith("SMS-NO-");
      Answer upserted =
          Api.post("/api/v1/customers", key, customer(c.getKey(), c.getValue(), consent));
      assertTrue(upserted.status() < 300, upserted.body());
      Outreach.event(key, c.getKey(), type);
    }

    Map<String, JsonObject> messages =
        awaitStates(
            key,
            playbook,
            Map.of(
                "SMS-YES-" + run, "SENT",
                "SMS-REFUSED-" + run, "DEAD",
                "SMS-NO-" + run, "SKIPPED",
                "SMS-NOPHONE-" + run, "SKIPPED"),
            30);
    JsonObject sent = messages.get("SMS-YES-" + run);
    assertEquals(yes, sent.getString("recipient"));
    assertEquals("prov-" + run, sent.getString("providerMessageId"));
    List<LoggedRequest> toYes = requestsTo(path, yes);
    assertEquals(1, toYes.size(), "exactly one SMS");
    LoggedRequest request = toYes.get(0);
    JsonObject body = json(request.getBodyAsString());
    assertEquals("AcmeTel", body.getString("from"));
    assertEquals(
        "Hi Nora, we know your line is down and are on it. Acme Telecom", body.getString("text"));
    String idempotencyKey = request.getHeader("Idempotency-Key");
    assertEquals(body.getString("reference"), idempotencyKey);
    assertTrue(idempotencyKey.startsWith("fs-") && idempotencyKey.endsWith("-sms"), idempotencyKey);
    assertEquals("Bearer " + token, request.getHeader("Authorization"));

    JsonObject dead = messages.get("SMS-REFUSED-" + run);
    assertEquals(1, dead.getInt("attempts"), "a refusal is not tried again");
    assertTrue(dead.getString("reason").contains("number blocked"), dead.toString());
    assertTrue(
        messages.get("SMS-NO-" + run).getString("reason").contains("not agreed to SMS"),
        messages.get("SMS-NO-" + run).toString());
    assertTrue(
        messages.get("SMS-NOPHONE-" + run).getString("reason").contains("no phone number"),
        messages.get("SMS-NOPHONE-" + run).toString());
    assertEquals(0, requestsTo(path, unwilling).size());

    // The first answer was a 500: the dispatcher's backoff tries again after 30 seconds.
    JsonObject late =
        awaitStates(key, playbook, Map.of("SMS-RETRY-" + run, "SENT"), 120).get("SMS-RETRY-" + run);
    assertEquals(2, late.getInt("attempts"), late.toString());
    List<LoggedRequest> toRetried = requestsTo(path, retried);
    assertEquals(2, toRetried.size());
    assertEquals(
        toRetried.get(0).getHeader("Idempotency-Key"),
        toRetried.get(1).getHeader("Idempotency-Key"),
        "a resend carries the same key");

    // Messages are queued only in the transaction that opens their case: a re-run that opens none
    // queues nothing, so the dispatcher has nothing more to send.
    int before = provider.findAll(postRequestedFor(urlEqualTo(path))).size();
    Answer rerun = Api.post("/api/v1/playbooks/" + playbook + "/scan", key, "");
    assertEquals(200, rerun.status(), rerun.body());
    assertEquals(0, rerun.json().getInt("created"), rerun.body());
    for (JsonValue item :
        Api.get("/api/v1/cases?playbook=" + playbook, key).json().getJsonArray("items")) {
      JsonObject detail =
          Api.get("/api/v1/cases/" + item.asJsonObject().getJsonNumber("id"), key).json();
      assertEquals(1, detail.getJsonArray("messages").size(), detail.toString());
    }
    assertEquals(
        before,
        provider.findAll(postRequestedFor(urlEqualTo(path))).size(),
        "a re-run sends nothing more");
  }

  @Test
  void aTenantWithoutSmsSettingsSendsNoneAndSaysSo() throws Exception {
    String key = Api.key("acme-admin", "FULL");
    guardrails(key);
    assertEquals(200, Api.put(SETTINGS, key, "{\"smsEnabled\":false}").status());
    String run = UUID.randomUUID().toString().substring(0, 8);
    long template = smsTemplate(key, "Unsent SMS " + run);
    long playbook =
        Outreach.playbook(
            key, "Unsent SMS " + run, "ALERT", "line.slow_" + run, "SMS", template, "");
    String customer = "SMS-OFF-" + run;
    String phone = "+4475" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
    Api.post("/api/v1/customers", key, customer(customer, phone, true));
    Outreach.event(key, customer, "line.slow_" + run);
    JsonObject skipped = awaitStates(key, playbook, Map.of(customer, "SKIPPED"), 30).get(customer);
    assertTrue(skipped.getString("reason").contains("SMS is not set up"), skipped.toString());
    assertEquals(0, provider.findAll(postRequestedFor(urlEqualTo("/sms/" + run))).size());
  }

  private static ResponseDefinitionBuilder accepted(String body) {
    return aResponse()
        .withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  private static List<LoggedRequest> requestsTo(String path, String phone) {
    return provider.findAll(
        postRequestedFor(urlEqualTo(path))
            .withRequestBody(matchingJsonPath("$.to", equalTo(phone))));
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  private static String customer(String id, String phone, boolean consent) {
    return "{\"externalId\":\""
        + id
        + "\",\"name\":\"Nora Quinn\",\"locale\":\"en\""
        + (phone == null ? "" : ",\"phone\":\"" + phone + "\"")
        + ",\"consent\":{\"email\":false,\"sms\":"
        + consent
        + "}}";
  }

  private static void guardrails(String key) {
    Answer saved =
        Api.put(
            "/api/v1/settings/outreach",
            key,
            "{\"quietStart\":\"00:00\",\"quietEnd\":\"00:00\",\"capMessages\":50,\"capDays\":1}");
    assertEquals(200, saved.status(), saved.body());
  }

  private static long smsTemplate(String key, String name) {
    Answer created =
        Api.post(
            "/api/v1/templates",
            key,
            "{\"name\":\""
                + name
                + "\",\"channel\":\"SMS\",\"fallbackLocale\":\"en\",\"variants\":{\"en\":{\"text\":"
                + "\"Hi {{customer.firstName}}, we know your line is down and are on it."
                + " {{tenant.name}}\"}}}");
    assertEquals(201, created.status(), created.body());
    long id = created.json().getJsonNumber("id").longValue();
    assertEquals(200, Api.post("/api/v1/templates/" + id + "/publish", key, "").status());
    return id;
  }

  /**
   * The SMS of each named customer's case in the playbook, once every one is in its expected state
   * (waiting up to {@code seconds}).
   */
  private static Map<String, JsonObject> awaitStates(
      String key, long playbook, Map<String, String> expected, int seconds) {
    return Wait.until(
        "the SMS of playbook " + playbook + " reach " + expected,
        Duration.ofSeconds(seconds),
        () -> {
          Map<String, JsonObject> found = new HashMap<>();
          for (JsonValue item :
              Api.get("/api/v1/cases?playbook=" + playbook, key).json().getJsonArray("items")) {
            JsonObject detail =
                Api.get("/api/v1/cases/" + item.asJsonObject().getJsonNumber("id"), key).json();
            String customer = detail.getJsonObject("customer").getString("externalId");
            for (JsonValue m : detail.getJsonArray("messages")) {
              JsonObject message = m.asJsonObject();
              if (message.getString("channel").equals("SMS")
                  && message.getString("state").equals(expected.get(customer))) {
                found.put(customer, message);
              }
            }
          }
          return Map.copyOf(found);
        },
        found -> found.keySet().containsAll(expected.keySet()));
  }
}
