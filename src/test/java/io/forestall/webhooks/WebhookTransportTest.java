package io.forestall.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.forestall.testsupport.Egress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One delivery against a real HTTP peer: what is sent, and what the log keeps of the answer. */
class WebhookTransportTest {

  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String OLD_SECRET =
      "whsec_" + Base64.getEncoder().encodeToString(new byte[24]);
  private static WireMockServer peer;
  private static WebhookTransport transport;

  @BeforeAll
  static void start() {
    peer = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    peer.start();
    transport = new WebhookTransport();
    transport.clock = Clock.systemUTC();
    transport.egress = Egress.toTestPeers();
  }

  @AfterAll
  static void stop() {
    peer.stop();
  }

  private static String url(String path) {
    return "http://localhost:" + peer.port() + path;
  }

  @Test
  void postsTheBodySignedWithEverySecret() throws Exception {
    peer.stubFor(post("/ok").willReturn(aResponse().withStatus(204)));
    String body = "{\"type\":\"case.detected\",\"data\":{\"summary\":\"über\"}}";
    WebhookTransport.Outcome outcome =
        transport.send(url("/ok"), "msg_abc", List.of(SECRET, OLD_SECRET), body);
    assertTrue(outcome.success(), outcome.toString());
    assertEquals(204, outcome.status());
    assertNull(outcome.error());

    LoggedRequest sent = peer.findAll(postRequestedFor(urlEqualTo("/ok"))).get(0);
    assertEquals(body, sent.getBodyAsString());
    assertEquals("application/json", sent.getHeader("content-type"));
    assertEquals("msg_abc", sent.getHeader("webhook-id"));
    String timestamp = sent.getHeader("webhook-timestamp");
    assertTrue(Math.abs(Long.parseLong(timestamp) - System.currentTimeMillis() / 1000) < 30);
    String[] signatures = sent.getHeader("webhook-signature").split(" ");
    assertEquals(2, signatures.length);
    assertEquals(expected(SECRET, "msg_abc", timestamp, body), signatures[0]);
    assertEquals(expected(OLD_SECRET, "msg_abc", timestamp, body), signatures[1]);
    assertTrue(outcome.requestHeaders().contains("webhook-id: msg_abc"), outcome.requestHeaders());
  }

  @Test
  void keepsTwoKilobytesOfAFailureAndFollowsNoRedirect() {
    peer.stubFor(post("/down").willReturn(aResponse().withStatus(500).withBody("e".repeat(5000))));
    WebhookTransport.Outcome failed = transport.send(url("/down"), "msg_1", List.of(SECRET), "{}");
    assertFalse(failed.success());
    assertEquals(500, failed.status());
    assertEquals(DeliveryAttempt.EXCERPT, failed.responseExcerpt().length());
    assertEquals("HTTP 500", failed.error());

    peer.stubFor(
        post("/moved").willReturn(aResponse().withStatus(302).withHeader("Location", url("/ok"))));
    WebhookTransport.Outcome moved = transport.send(url("/moved"), "msg_2", List.of(SECRET), "{}");
    assertFalse(moved.success());
    assertEquals(302, moved.status());
  }

  @Test
  void saysWhyNothingCameBack() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    WebhookTransport.Outcome refused =
        transport.send("http://localhost:" + closed + "/x", "msg_3", List.of(SECRET), "{}");
    assertNull(refused.status());
    assertNotNull(refused.error());
    assertTrue(refused.error().contains("Connection refused"), refused.error());
  }

  /** Standard Webhooks signing, written out here rather than taken from Forestall. */
  private static String expected(String secret, String id, String timestamp, String body)
      throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
    return "v1,"
        + Base64.getEncoder()
            .encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
  }
}
