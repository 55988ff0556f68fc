package io.forestall.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.forestall.testsupport.Api;
import io.forestall.testsupport.Api.Answer;
import io.forestall.testsupport.Browser;
import io.forestall.testsupport.Deployments;
import io.forestall.testsupport.Outreach;
import io.forestall.testsupport.Smtp;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The customers' pages live on an origin of their own and run nothing a tenant writes. A template
 * full of script, handlers, frames, forms and loads is refused when saved; one that slips past that
 * check (markup assembled from template sections) is cleaned when shown, and in a real browser on
 * the public origin no script runs and the beacon the payloads aim at gets no request. The public
 * host serves nothing else and touches no cookie; the admin host does not serve the pages.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("security")
class PublicOriginUiIT {

  @RegisterExtension static Smtp smtp = new Smtp();
  @RegisterExtension Browser browser = new Browser();
  private static WireMockServer beacon;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.forestall();
  }

  @BeforeAll
  static void startBeacon() {
    beacon = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    beacon.start();
    beacon.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
  }

  @AfterAll
  static void stopBeacon() {
    beacon.stop();
  }

  /** Every payload, each trying to set {@code window.pwned} or to reach the beacon. */
  private static String payloads(String b) {
    return "<script>window.pwned=1;new Image().src='"
        + b
        + "/script'</script>"
        + "<img src=x onerror=\"window.pwned=1;this.src='"
        + b
        + "/onerror'\">"
        + "<a id=js href=\"javascript:window.pwned=1\">js</a>"
        + "<svg onload=\"window.pwned=1\"><image href=\""
        + b
        + "/svg\"/></svg>"
        + "<iframe src=\""
        + b
        + "/iframe\"></iframe>"
        + "<form action=\""
        + b
        + "/form\"><button>Claim</button></form>"
        + "<img src=\""
        + b
        + "/img\"><object data=\""
        + b
        + "/object\"></object><style>@import url("
        + b
        + "/import);</style><meta http-equiv=refresh content=\"0;url="
        + b
        + "/refresh\"><base href=\""
        + b
        + "/\">";
  }

  /**
   * The same payloads with every tag name written as a section ({@code <{{#s}}script{{/s}}>}): no
   * tag at all until the template is rendered, so they pass the check made when it is saved.
   */
  private static String assembled(String html) {
    Matcher tag = Pattern.compile("<(/?)([a-z]+)").matcher(html);
    StringBuilder out = new StringBuilder();
    while (tag.find()) {
      tag.appendReplacement(
          out, "<" + tag.group(1) + "{{#customer.name}}" + tag.group(2) + "{{/customer.name}}");
    }
    tag.appendTail(out);
    return out.toString();
  }

  private static String json(String text) {
    return jakarta.json.Json.createValue(text).toString();
  }

  private static Answer pageTemplate(String key, String name, String body) {
    return Api.post(
        "/api/v1/templates",
        key,
        "{\"name\":\""
            + name
            + "\",\"channel\":\"ACTION_PAGE\",\"fallbackLocale\":\"en\",\"variants\":{\"en\":"
            + "{\"title\":\"Your car is ready\",\"body\":"
            + json(body)
            + "}}}");
  }

  @Test
  void aTemplateFullOfScriptRunsNothingOnThePublicOrigin() throws Exception {
    String key = Api.key("brightwheel-admin", "FULL");
    Outreach.openGuardrails(key);
    String run = UUID.randomUUID().toString().substring(0, 8);
    String b = "http://127.0.0.1:" + beacon.port();

    Answer draft = pageTemplate(key, "Payloads " + run, "<p>Ready.</p>" + payloads(b));
    assertEquals(201, draft.status(), "a draft is kept as written: " + draft.body());
    Answer refused =
        Api.post(
            "/api/v1/templates/" + draft.json().getJsonNumber("id").longValue() + "/publish",
            key,
            "");
    assertEquals(400, refused.status(), refused.body());
    for (String named : List.of("<script>", "<iframe>", "<form>", "onerror on <img>")) {
      assertTrue(refused.body().contains(named), named + " in " + refused.body());
    }

    Answer page =
        pageTemplate(key, "Assembled " + run, "<p>Ready for pickup.</p>" + assembled(payloads(b)));
    assertEquals(
        201, page.status(), "markup assembled from sections passes the check: " + page.body());
    long pageTemplate = page.json().getJsonNumber("id").longValue();
    assertEquals(200, Api.post("/api/v1/templates/" + pageTemplate + "/publish", key, "").status());
    long email =
        Outreach.emailTemplate(
            key,
            "Pickup " + run,
            "{\"en\":{\"subject\":\"Your car is ready\",\"html\":\"<p>x</p>\","
                + "\"text\":\"See {{links.action}}\"}}");
    String type = "car.ready_" + run;
    Answer playbook =
        Api.post(
            "/api/v1/playbooks",
            key,
            "{\"name\":\"Pickup "
                + run
                + "\",\"level\":\"ALERT\",\"cooldown\":\"PT0M\",\"schedule\":\"0 0 6 * * ?\","
                + "\"messages\":{\"EMAIL\":"
                + email
                + ",\"ACTION_PAGE\":"
                + pageTemplate
                + "},\"trigger\":{\"conditions\":[{\"kind\":\"EVENT\",\"eventType\":\""
                + type
                + "\"}]}}");
    assertEquals(201, playbook.status(), playbook.body());
    long id = playbook.json().getJsonNumber("id").longValue();
    assertEquals(200, Api.post("/api/v1/playbooks/" + id + "/publish", key, "").status());
    String customer = "PO-" + run;
    Outreach.customer(key, customer, "po." + run + "@example.com", "en");
    Outreach.event(key, customer, type);
    String link = Outreach.link(Outreach.awaitMail(smtp.server(), "po." + run));
    assertTrue(link.startsWith(Api.PUBLIC + "/r/"), link);

    HttpResponse<String> served = Outreach.page(link);
    assertEquals(200, served.statusCode());
    String policy = served.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(policy.startsWith("default-src 'none'"), policy);
    assertTrue(policy.contains("form-action 'self'"), policy);
    assertTrue(served.headers().allValues("Set-Cookie").isEmpty(), "no cookie on the public host");
    assertTrue(served.body().contains("Ready for pickup."), served.body());
    assertFalse(served.body().contains("<script>window.pwned"), "cleaned when shown");

    browser.login("/index.xhtml", "brightwheel-admin");
    WebDriver driver = browser.open();
    driver.get(link);
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("answer")));
    assertTrue(driver.manage().getCookies().isEmpty(), "the admin's session stays on its host");
    assertNull(
        ((JavascriptExecutor) driver).executeScript("return window.pwned;"), "no script ran");
    driver.findElement(By.id("accept")).click();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("answered")));
    // A request of our own last: the page's loads, had there been any, came before it. Opening
    // the beacon's address, the browser may also ask it for its icon: neither came from the page.
    driver.get(b + "/done");
    browser.waiting().until(d -> !beacon.findAll(anyRequestedFor(urlEqualTo("/done"))).isEmpty());
    assertEquals(
        List.of(),
        beacon.findAll(anyRequestedFor(anyUrl())).stream()
            .map(r -> r.getUrl())
            .filter(url -> !url.equals("/done") && !url.equals("/favicon.ico"))
            .toList(),
        "the beacon heard nothing from the page");
  }

  @Test
  void eachHostServesOnlyItsOwnPages() throws Exception {
    String token = Api.token("acme-admin");
    assertEquals(200, Api.get("/api/v1/customers", token).status(), "the API on the admin host");
    for (String path : List.of("/api/v1/customers", "/index.xhtml", "/logout", "/")) {
      HttpResponse<String> onPublic = Outreach.page(Api.PUBLIC + path);
      assertEquals(404, onPublic.statusCode(), path + " on the public host");
    }
    assertEquals(
        404,
        Outreach.page(Api.APP + "/r/anything").statusCode(),
        "the pages not on the admin host");
    assertEquals(400, Outreach.page(Api.PUBLIC + "/r/anything").statusCode(), "but on their own");
  }
}
