package io.forestall.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.forestall.testsupport.Api;
import io.forestall.testsupport.Api.Answer;
import io.forestall.testsupport.Browser;
import io.forestall.testsupport.Deployments;
import io.forestall.testsupport.KeycloakForTests;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Another site cannot act through a signed-in admin's browser: the API takes only the request's own
 * bearer token or key, the session cookie is SameSite=Lax, and a forged form posted from another
 * origin changes nothing. Tokens the realm issued to other clients are refused, and pages carry the
 * headers that keep them out of frames and sniffing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("security")
class CrossSiteIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @RegisterExtension Browser browser = new Browser();
  private static WireMockServer otherSite;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.forestall();
  }

  @BeforeAll
  static void startOtherSite() {
    otherSite = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    otherSite.start();
  }

  @AfterAll
  static void stopOtherSite() {
    otherSite.stop();
  }

  /** A new published playbook of acme's, by its id. */
  private static long publishedPlaybook(String key) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Answer created =
        Api.post(
            "/api/v1/playbooks",
            key,
            "{\"name\":\"Cross-site "
                + run
                + "\",\"level\":\"IGNORE\",\"schedule\":\"0 0 6 * * ?\",\"trigger\":{\"conditions\":"
                + "[{\"kind\":\"EVENT\",\"eventType\":\"crosssite.test_"
                + run
                + "\"}]}}");
    assertEquals(201, created.status(), created.body());
    long id = created.json().getJsonNumber("id").longValue();
    assertEquals(200, Api.post("/api/v1/playbooks/" + id + "/publish", key, "").status());
    return id;
  }

  private static String state(String key, long playbook) {
    return Api.get("/api/v1/playbooks/" + playbook, key).json().getString("status");
  }

  @Test
  void aFormOnAnotherSiteChangesNothingWhileAnAdminIsSignedIn() {
    String key = Api.key("acme-admin", "FULL");
    long playbook = publishedPlaybook(key);
    String before = state(key, playbook);
    String target = Api.APP + "/api/v1/playbooks/" + playbook + "/pause";
    otherSite.stubFor(
        get("/win-a-prize")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html")
                    .withBody(
                        "<form id='f' method='post' action='"
                            + target
                            + "'></form><script>document.getElementById('f').submit()</script>")));

    browser.login("/index.xhtml", "acme-admin");
    WebDriver page = browser.open();
    page.get("http://127.0.0.1:" + otherSite.port() + "/win-a-prize");
    browser.waiting().until(ExpectedConditions.urlToBe(target));
    assertEquals(before, state(key, playbook), "the forged form paused nothing");
    assertTrue(page.getPageSource().contains("Unauthorized"), page.getPageSource());
  }

  @Test
  void theSessionCookieIsLaxAndCountsForNothingUnderTheApi() throws Exception {
    browser.login("/index.xhtml", "acme-admin");
    Cookie session = browser.open().manage().getCookieNamed("JSESSIONID");
    assertEquals("Lax", session.getSameSite());
    assertTrue(session.isHttpOnly());
    String cookie = "JSESSIONID=" + session.getValue();

    HttpResponse<String> shell =
        send(HttpRequest.newBuilder(URI.create(Api.APP + "/index.xhtml")), cookie);
    assertEquals(200, shell.statusCode(), "the cookie is a live session for the pages");
    HttpResponse<String> api =
        send(HttpRequest.newBuilder(URI.create(Api.APP + "/api/v1/customers")), cookie);
    assertEquals(401, api.statusCode(), api.body());
    String key = Api.key("acme-admin", "FULL");
    long playbook = publishedPlaybook(key);
    HttpResponse<String> pause =
        send(
            HttpRequest.newBuilder(URI.create(Api.APP + "/api/v1/playbooks/" + playbook + "/pause"))
                .POST(HttpRequest.BodyPublishers.noBody()),
            cookie);
    assertEquals(401, pause.statusCode(), pause.body());
    assertEquals("ACTIVE", state(key, playbook));
  }

  @Test
  void tokensTheRealmIssuedToAnotherClientAreRefused() throws Exception {
    assertEquals(200, Api.get("/api/v1/customers", Api.token("acme-admin")).status(), "ours");
    String form =
        "grant_type=password&client_id=admin-cli&username=acme-admin&password="
            + URLEncoder.encode("demo", StandardCharsets.UTF_8);
    HttpResponse<String> issued =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        KeycloakForTests.KEYCLOAK
                            + "/realms/forestall/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, issued.statusCode(), issued.body());
    String foreign =
        jakarta.json.Json.createReader(new java.io.StringReader(issued.body()))
            .readObject()
            .getString("access_token");
    Answer refused = Api.get("/api/v1/customers", foreign);
    assertEquals(
        401, refused.status(), "a token for admin-cli, not for Forestall: " + refused.body());
    assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
    String ours = Api.token("acme-admin");
    Answer tampered = Api.get("/api/v1/customers", ours.substring(0, ours.length() - 4) + "AAAA");
    assertEquals(401, tampered.status(), "a token whose signature does not hold");
  }

  @Test
  void pagesAndAnswersCarryTheProtectiveHeaders() throws Exception {
    browser.login("/index.xhtml", "acme-admin");
    String cookie = "JSESSIONID=" + browser.open().manage().getCookieNamed("JSESSIONID").getValue();
    HttpResponse<String> shell =
        send(HttpRequest.newBuilder(URI.create(Api.APP + "/index.xhtml")), cookie);
    List<String> policies = shell.headers().allValues("Content-Security-Policy");
    assertTrue(
        policies.stream().anyMatch(p -> p.matches("script-src 'self' 'nonce-[^']+'.*")),
        "scripts only with PrimeFaces' nonce: " + policies);
    assertTrue(
        policies.stream().anyMatch(p -> p.contains("frame-ancestors 'none'")), "" + policies);
    for (HttpResponse<String> answer :
        List.of(
            shell, send(HttpRequest.newBuilder(URI.create(Api.APP + "/api/v1/customers")), null))) {
      assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(null));
      assertEquals("DENY", answer.headers().firstValue("X-Frame-Options").orElse(null));
      assertEquals("same-origin", answer.headers().firstValue("Referrer-Policy").orElse(null));
    }
    assertTrue(
        shell.headers().firstValue("Strict-Transport-Security").isEmpty(), "HSTS only over TLS");
  }

  private static HttpResponse<String> send(HttpRequest.Builder request, String cookie)
      throws Exception {
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return HTTP.send(
        request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
