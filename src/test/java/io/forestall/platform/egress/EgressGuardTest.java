package io.forestall.platform.egress;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The egress guard: a table of addresses it must refuse and let through, and, against a real HTTP
 * peer on loopback, a name rebound between check and connect, redirects, the deadline of a peer
 * that stalls after its headers, and an answer that never ends.
 */
@Tag("security")
class EgressGuardTest {

  private static final String EPHEMERAL = "32768-60999";
  private static WireMockServer peer;

  @BeforeAll
  static void start() {
    peer = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    peer.start();
  }

  @AfterAll
  static void stop() {
    peer.stop();
  }

  @BeforeEach
  void reset() {
    peer.resetAll();
  }

  /** Names the table uses, as a DNS server might answer them. */
  private static InetAddress[] names(String host) throws UnknownHostException {
    List<String> addresses =
        switch (host) {
          case "localhost" -> List.of("127.0.0.1", "::1");
          case "metadata.google.internal" -> List.of("169.254.169.254");
          case "intranet.corp" -> List.of("10.1.2.3");
          case "rebound.example.com" -> List.of("192.168.0.10", "fd12::10");
          case "hooks.example.com" -> List.of("93.184.216.34");
          case "mixed.example.com" -> List.of("127.0.0.1", "93.184.216.34");
          default -> throw new UnknownHostException(host);
        };
    List<InetAddress> found = new ArrayList<>();
    for (String a : addresses) {
      found.add(InetAddress.getByAddress(host, Cidr.literal(a)));
    }
    return found.toArray(InetAddress[]::new);
  }

  @Test
  void refusesOurOwnPrivateAndSpecialAddressesInEverySpelling() {
    EgressGuard guard = EgressGuard.of(EgressPolicy.STRICT, EgressGuardTest::names);
    List<String> refused =
        List.of(
            "http://127.0.0.1/",
            "http://127.1/",
            "http://2130706433/",
            "http://0x7f000001/",
            "http://0x7f.1/",
            "http://0177.0.0.1/",
            "http://0/",
            "http://0.0.0.0/",
            "http://10.0.0.1/",
            "http://172.16.5.4/",
            "http://172.31.255.255/",
            "http://192.168.1.1/",
            "http://100.64.0.1/",
            "http://100.100.100.200/",
            "http://169.254.169.254/latest/meta-data/",
            "http://168.63.129.16/",
            "http://224.0.0.1/",
            "http://239.255.255.250/",
            "http://255.255.255.255/",
            "http://198.18.0.1/",
            "http://[::1]/",
            "http://[::]/",
            "http://[::ffff:127.0.0.1]/",
            "http://[::ffff:7f00:1]/",
            "http://[::ffff:169.254.169.254]/",
            "http://[::127.0.0.1]/",
            "http://[64:ff9b::a9fe:a9fe]/",
            "http://[2002:7f00:1::]/",
            "http://[fe80::1]/",
            "http://[fc00::1]/",
            "http://[fd00:ec2::254]/",
            "http://[ff02::1]/",
            "http://localhost/",
            "http://metadata.google.internal/computeMetadata/v1/",
            "http://intranet.corp/",
            "http://rebound.example.com/",
            "https://8.8.8.8:8443/",
            "http://93.184.216.34:9990/metrics",
            "https://hooks.example.com:8180/",
            "ftp://93.184.216.34/",
            "file:///etc/passwd",
            "http://user:secret@93.184.216.34/",
            "//93.184.216.34/");
    List<String> passed = new ArrayList<>();
    for (String url : refused) {
      if (guard.problem(url).isEmpty()) {
        passed.add(url);
      }
    }
    assertEquals(List.of(), passed, "every one of these must be refused");

    List<String> allowed =
        List.of(
            "https://8.8.8.8/",
            "http://93.184.216.34:80/x?y=1",
            "https://[2606:4700:4700::1111]/",
            "https://hooks.example.com/forestall",
            "https://mixed.example.com/",
            "http://172.32.0.1/",
            "http://100.128.0.1/",
            "http://[::ffff:8.8.8.8]/",
            "https://not-yet-in-dns.example.com/");
    for (String url : allowed) {
      assertEquals(Optional.empty(), guard.problem(url), url);
    }
  }

  @Test
  void namesTheReasonForTheField() {
    EgressGuard guard = EgressGuard.of(EgressPolicy.STRICT, EgressGuardTest::names);
    assertEquals(
        Optional.of(
            "names metadata.google.internal, whose address 169.254.169.254 is a link-local"
                + " (cloud metadata) address; Forestall calls only public addresses"),
        guard.problem("http://metadata.google.internal/"));
    assertEquals(
        Optional.of(
            "names 0x7f000001, which is a loopback address; Forestall calls only public"
                + " addresses"),
        guard.problem("http://0x7f000001/"));
    assertEquals(
        Optional.of("uses port 9990; only 80 and 443 are allowed"),
        guard.problem("http://8.8.8.8:9990/"));
  }

  @Test
  void anOperatorMayAllowNetworksAndPorts() {
    EgressGuard guard =
        EgressGuard.of(EgressPolicy.parse("10.1.0.0/16, 8443 fd12::/64"), EgressGuardTest::names);
    assertEquals(Optional.empty(), guard.problem("https://10.1.2.3:8443/"));
    assertEquals(Optional.empty(), guard.problem("https://intranet.corp/"));
    assertTrue(guard.problem("https://10.2.0.1/").isPresent());
    assertEquals(Optional.empty(), guard.problem("https://rebound.example.com/"), "fd12::10");
    assertThrows(IllegalArgumentException.class, () -> EgressPolicy.parse("10.0.0.0/33"));
    assertThrows(IllegalArgumentException.class, () -> EgressPolicy.parse("intranet.corp"));
    assertThrows(IllegalArgumentException.class, () -> EgressPolicy.parse("70000"));
  }

  @Test
  void connectsToTheAddressItCheckedNotToWhatTheNameSaysLater() throws Exception {
    peer.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(204)));
    AtomicInteger lookups = new AtomicInteger();
    EgressGuard.Resolver rebinding =
        host ->
            new InetAddress[] {
              InetAddress.getByAddress(
                  host,
                  Cidr.literal(lookups.getAndIncrement() == 0 ? "93.184.216.34" : "127.0.0.1"))
            };
    EgressGuard guard = EgressGuard.of(EgressPolicy.parse(EPHEMERAL), rebinding);
    String url = "http://rebind.example.com:" + peer.port() + "/hook";
    assertEquals(Optional.empty(), guard.problem(url), "public when the tenant saves it");
    EgressRefusedException refused =
        assertThrows(EgressRefusedException.class, () -> send(guard, url, Duration.ofSeconds(2)));
    assertTrue(
        refused.getMessage().contains("127.0.0.1 is a loopback address"), refused.getMessage());
    assertEquals(0, peer.findAll(anyRequestedFor(anyUrl())).size(), "nothing reached loopback");

    EgressGuard allowing =
        EgressGuard.of(EgressPolicy.parse("127.0.0.1/32 " + EPHEMERAL), rebinding);
    assertEquals(204, send(allowing, url, Duration.ofSeconds(2)).status(), "the control");
    assertEquals(1, peer.findAll(anyRequestedFor(anyUrl())).size());
  }

  @Test
  void followsNoRedirect() throws Exception {
    String elsewhere = peer.baseUrl() + "/elsewhere";
    peer.stubFor(
        post("/moved").willReturn(aResponse().withStatus(307).withHeader("Location", elsewhere)));
    EgressAnswer answer = send(loopback(), peer.baseUrl() + "/moved", Duration.ofSeconds(2));
    assertEquals(307, answer.status());
    assertEquals(1, peer.findAll(anyRequestedFor(anyUrl())).size(), "only the first request");
  }

  @Test
  void endsTheWholeAttemptAtItsDeadlineEvenWhileThePeerKeepsDribbling() {
    peer.stubFor(
        post("/stall")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody("x".repeat(100))
                    .withChunkedDribbleDelay(50, 8000)));
    assertThrows(
        EgressTimeoutException.class,
        () -> send(loopback(), peer.baseUrl() + "/stall", Duration.ofSeconds(1)));
  }

  @Test
  void readsNoMoreOfTheAnswerThanAskedFor() throws Exception {
    byte[] huge = new byte[4 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) 'a');
    peer.stubFor(post("/huge").willReturn(aResponse().withStatus(200).withBody(huge)));
    EgressAnswer answer =
        loopback()
            .post(
                peer.baseUrl() + "/huge",
                Map.of(),
                new byte[0],
                "application/json",
                Duration.ofSeconds(5),
                1024);
    assertEquals(200, answer.status());
    assertTrue(answer.truncated());
    assertArrayEquals(java.util.Arrays.copyOf(huge, 1024), answer.body());
  }

  private static EgressGuard loopback() {
    return EgressGuard.of(
        EgressPolicy.parse("127.0.0.1/32 ::1/128 " + EPHEMERAL), InetAddress::getAllByName);
  }

  private static EgressAnswer send(EgressGuard guard, String url, Duration deadline)
      throws Exception {
    return guard.post(
        url, Map.of("webhook-id", "msg_1"), "{}".getBytes(), "application/json", deadline, 2048);
  }
}
