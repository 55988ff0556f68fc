package io.forestall.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.forestall.testsupport.Api;
import io.forestall.testsupport.Api.Answer;
import io.forestall.testsupport.Deployments;
import io.forestall.testsupport.Outreach;
import io.forestall.testsupport.Wait;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One tenant's stalled endpoint uses only that tenant's share of the webhook workers: while a
 * subscriber holds each of acme's deliveries open, globex's delivery is still made, and acme has no
 * more than its share in flight.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("security")
class WebhookFairnessIT {

  /** The dispatcher's share per tenant and node (WebhookDispatcher.PER_TENANT). */
  private static final int SHARE = 4;

  private static final int QUEUED = 25;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.forestall();
  }

  @Test
  void aStalledTenantDoesNotHoldUpAnotherTenantsDeliveries() throws Exception {
    WireMockServer stalled = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    WireMockServer quick = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    stalled.start();
    quick.start();
    String acme = Api.key("acme-admin", "FULL");
    String globex = Api.key("globex-admin", "FULL");
    long slowSubscription = 0;
    long quickSubscription = 0;
    try {
      stalled.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(8_000)));
      quick.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(204)));
      String run = UUID.randomUUID().toString().substring(0, 8);
      slowSubscription = subscribe(acme, "http://localhost:" + stalled.port() + "/stall");
      quickSubscription = subscribe(globex, "http://localhost:" + quick.port() + "/quick");

      detect(acme, "fair.slow_" + run, "FS-" + run + "-", QUEUED);
      Wait.until(
          "acme's deliveries are held open by its stalled endpoint",
          Duration.ofSeconds(30),
          () -> stalled.findAll(postRequestedFor(anyUrl())).size(),
          inFlight -> inFlight >= SHARE);
      detect(globex, "fair.quick_" + run, "FQ-" + run + "-", 1);

      Wait.until(
          "globex's delivery comes",
          Duration.ofSeconds(30),
          () -> quick.findAll(postRequestedFor(anyUrl())).size(),
          received -> received >= 1);
      assertEquals(1, quick.findAll(postRequestedFor(anyUrl())).size(), "globex's delivery came");
      int held = stalled.findAll(postRequestedFor(anyUrl())).size();
      assertTrue(
          held <= SHARE,
          held + " of acme's " + QUEUED + " deliveries were in flight when globex's came");
    } finally {
      if (slowSubscription > 0) {
        Api.delete("/api/v1/webhook-subscriptions/" + slowSubscription, acme);
      }
      if (quickSubscription > 0) {
        Api.delete("/api/v1/webhook-subscriptions/" + quickSubscription, globex);
      }
      stalled.stop();
      quick.stop();
    }
  }

  private static long subscribe(String key, String url) {
    Answer created =
        Api.post(
            "/api/v1/webhook-subscriptions",
            key,
            "{\"url\":\"" + url + "\",\"eventTypes\":[\"case.detected\"]}");
    assertEquals(201, created.status(), created.body());
    return created.json().getJsonNumber("id").longValue();
  }

  /** A published EVENT playbook and {@code count} customers with one event each, in one request. */
  private static void detect(String key, String type, String prefix, int count) {
    Answer playbook =
        Api.post(
            "/api/v1/playbooks",
            key,
            "{\"name\":\"Fairness "
                + type
                + "\",\"level\":\"IGNORE\",\"schedule\":\"0 0 6 * * ?\",\"cooldown\":\"PT0M\","
                + "\"trigger\":{\"conditions\":[{\"kind\":\"EVENT\",\"eventType\":\""
                + type
                + "\"}]}}");
    assertEquals(201, playbook.status(), playbook.body());
    long id = playbook.json().getJsonNumber("id").longValue();
    assertEquals(200, Api.post("/api/v1/playbooks/" + id + "/publish", key, "").status());
    Outreach.events(key, type, prefix, 0, count);
    // One request, one commit: the scan it wakes opens every case and queues their deliveries
    // together.
    assertEquals(200, Api.post("/api/v1/playbooks/" + id + "/scan", key, "").status());
  }
}
