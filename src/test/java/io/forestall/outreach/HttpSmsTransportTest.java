package io.forestall.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.forestall.outreach.SmsTransport.SmsException;
import io.forestall.testsupport.Egress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP SMS transport against a real HTTP peer: what it sends, and how it reads answers. */
class HttpSmsTransportTest {

  private static WireMockServer provider;
  private static final HttpSmsTransport TRANSPORT =
      new HttpSmsTransport(Egress.toTestPeers(), Duration.ofSeconds(1));

  @BeforeAll
  static void start() {
    provider = new WireMockServer(options().dynamicPort());
    provider.start();
  }

  @AfterAll
  static void stop() {
    provider.stop();
  }

  @BeforeEach
  void reset() {
    provider.resetAll();
  }

  private static SmsProvider account() {
    return new SmsProvider(
        URI.create(provider.baseUrl() + "/v1/messages"), "Globex", "tok-secret-1");
  }

  private static Optional<String> send() throws SmsException {
    return TRANSPORT.send(
        account(), "+4915100020001", "Ihr Flug LH123 wurde annulliert.", "fs-7-sms");
  }

  private static void answer(int status, String body) {
    provider.stubFor(
        post(urlEqualTo("/v1/messages"))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  @Test
  void postsTheMessageAsJsonWithTheTokenAndTheIdempotencyKey() throws SmsException {
    answer(201, "{\"id\":\"msg-81\",\"status\":\"queued\"}");
    assertEquals(Optional.of("msg-81"), send());
    provider.verify(
        1,
        postRequestedFor(urlEqualTo("/v1/messages"))
            .withHeader("Authorization", equalTo("Bearer tok-secret-1"))
            .withHeader("Idempotency-Key", equalTo("fs-7-sms"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    "{\"to\":\"+4915100020001\",\"from\":\"Globex\","
                        + "\"text\":\"Ihr Flug LH123 wurde annulliert.\","
                        + "\"reference\":\"fs-7-sms\"}")));
  }

  @Test
  void anAnswerWithoutAnIdIsSentAllTheSame() throws SmsException {
    answer(200, "OK");
    assertEquals(Optional.empty(), send());
    answer(202, "{\"id\":4711}");
    assertEquals(Optional.of("4711"), send());
  }

  @Test
  void tooManyRequestsAndServerErrorsAreWorthAnotherTry() {
    answer(429, "{\"error\":\"slow down\"}");
    SmsException limited = assertThrows(SmsException.class, HttpSmsTransportTest::send);
    assertFalse(limited.permanent());
    assertTrue(limited.getMessage().contains("429"), limited.getMessage());

    answer(500, "{\"error\":\"down\"}");
    SmsException down = assertThrows(SmsException.class, HttpSmsTransportTest::send);
    assertFalse(down.permanent());
    assertTrue(down.getMessage().contains("500"), down.getMessage());
  }

  @Test
  void aRefusalIsFinalAndSaysWhatTheProviderSaid() {
    answer(400, "{\"error\":\"unknown number +4915100020001\"}");
    SmsException refused = assertThrows(SmsException.class, HttpSmsTransportTest::send);
    assertTrue(refused.permanent());
    assertEquals(
        "the SMS provider answered 400: {\"error\":\"unknown number +4915100020001\"}",
        refused.getMessage());
  }

  @Test
  void aProviderThatDoesNotAnswerInTimeIsTriedAgain() {
    provider.stubFor(
        post(urlEqualTo("/v1/messages"))
            .willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));
    SmsException slow = assertThrows(SmsException.class, HttpSmsTransportTest::send);
    assertFalse(slow.permanent());
    assertTrue(slow.getMessage().contains("did not answer"), slow.getMessage());
  }

  @Test
  void anUnreachableProviderIsTriedAgain() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    SmsProvider nowhere =
        new SmsProvider(URI.create("http://127.0.0.1:" + closed + "/sms"), "Globex", "t");
    SmsException unreachable =
        assertThrows(SmsException.class, () -> TRANSPORT.send(nowhere, "+491", "x", "k"));
    assertFalse(unreachable.permanent());
  }

  @Test
  void aProviderAtARefusedAddressIsNotCalledAndNotTriedAgain() {
    SmsProvider metadata =
        new SmsProvider(URI.create("http://169.254.169.254/latest"), "Globex", "t");
    SmsException refused =
        assertThrows(SmsException.class, () -> TRANSPORT.send(metadata, "+491", "x", "k"));
    assertTrue(refused.permanent());
    assertTrue(refused.getMessage().contains("link-local"), refused.getMessage());
  }

  @Test
  void anEndlessAnswerIsReadOnlyAsFarAsNeeded() throws SmsException {
    answer(200, "{\"id\":\"" + "9".repeat(20_000) + "\"}");
    assertEquals(Optional.empty(), send(), "too long to be a provider's id: sent, without one");
    answer(503, "e".repeat(20_000));
    SmsException down = assertThrows(SmsException.class, HttpSmsTransportTest::send);
    assertTrue(down.getMessage().length() < 600, down.getMessage());
  }

  @Test
  void theTokenNeverShowsInTheProviderDescription() {
    assertFalse(account().toString().contains("tok-secret-1"));
  }
}
