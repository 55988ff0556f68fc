package io.forestall.webhooks.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.forestall.testsupport.Api;
import io.forestall.testsupport.Browser;
import io.forestall.testsupport.Deployments;
import io.forestall.testsupport.Wait;
import io.forestall.webhooks.WebhookFixture;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The webhooks screen in a real browser: a bad URL is named beside its field, a subscription shows
 * its secret once, its delivery log shows a real delivery with request and response, and a disabled
 * subscription is announced at the top.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebhookUiIT {

  @RegisterExtension Browser browser = new Browser();
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

  private WebElement row(WebDriver page, String url) {
    return page.findElement(
        By.xpath("//tbody[@id='subscriptions:table_data']/tr[contains(., '" + url + "')]"));
  }

  @Test
  void aSubscriptionShowsItsSecretOnceAndItsDeliveryLog() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String path = "/ui/" + run;
    String url = "http://localhost:" + subscriber.port() + path;
    subscriber.stubFor(
        post(urlEqualTo(path)).willReturn(aResponse().withStatus(200).withBody("thanks " + run)));

    browser.login("/settings/webhooks.xhtml", "acme-admin");
    WebDriver page = browser.open();
    browser
        .waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.id("subscription:save")));
    page.findElement(By.id("subscription:url")).sendKeys("ftp://files.example/in");
    page.findElement(By.id("subscription:save")).click();
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("subscription"), "absolute http or https"));
    assertTrue(page.findElement(By.id("subscription")).getText().contains("at least one"));

    WebElement field = page.findElement(By.id("subscription:url"));
    field.clear();
    field.sendKeys(url);
    page.findElement(By.id("subscription:description")).sendKeys("UI test " + run);
    page.findElement(
            By.xpath(
                "//*[@id='subscription:eventTypes']//label[normalize-space()='case.detected']"))
        .click();
    page.findElement(By.id("subscription:save")).click();
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("shownSecret")));
    browser
        .waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("shownSecret"), "whsec_"));
    String secret = page.findElement(By.id("shownSecret")).getText().strip();
    browser.screenshot("webhook-secret");
    page.findElement(By.cssSelector("#secretDialog .ui-dialog-titlebar-close")).click();

    page.navigate().refresh();
    browser
        .waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.id("subscriptions:table")));
    assertFalse(page.getPageSource().contains(secret), "the secret is shown only once");
    String listed = row(page, url).getText();
    assertTrue(listed.contains(secret.substring(0, 12)) && listed.contains("Enabled"), listed);

    String key = Api.key("acme-admin", "FULL");
    WebhookFixture.detect(key, run, "WHUI-" + run);
    long id =
        Api.get("/api/v1/webhook-subscriptions", key).json().getJsonArray("items").stream()
            .map(JsonValue::asJsonObject)
            .filter(s -> s.getString("url").equals(url))
            .findFirst()
            .orElseThrow()
            .getJsonNumber("id")
            .longValue();
    Wait.until(
        "the case is delivered to " + url,
        Duration.ofSeconds(30),
        () -> Api.get("/api/v1/webhook-subscriptions/" + id + "/deliveries", key).body(),
        deliveries -> deliveries.contains("\"state\":\"DELIVERED\""));

    row(page, url).findElement(By.cssSelector("button[id$=':showLog']")).click();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("log:deliveries")));
    String log = page.findElement(By.id("log:deliveries")).getText();
    assertTrue(log.contains("case.detected") && log.contains("Delivered"), log);
    page.findElement(By.cssSelector("#log\\:deliveries .ui-row-toggler")).click();
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("log:deliveries"), "webhook-signature: v1,"));
    String expanded = page.findElement(By.id("log:deliveries")).getText();
    assertTrue(expanded.contains("thanks " + run), expanded);
    assertTrue(expanded.contains("WHUI-" + run), "the request body");
    browser.screenshot("webhook-log");

    row(page, url).findElement(By.cssSelector("button[id$=':disable']")).click();
    browser
        .waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("alerts"), url));
    assertTrue(page.findElement(By.id("alerts")).getText().contains("Disabled by"));
    browser.screenshot("webhook-disabled");
  }
}
