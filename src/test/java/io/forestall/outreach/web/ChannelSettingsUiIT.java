package io.forestall.outreach.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.testsupport.Api;
import io.forestall.testsupport.Browser;
import io.forestall.testsupport.Deployments;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The channel settings screen in a real browser: mistakes are named beside their fields, the SMS
 * token is shown only as set or not set, and another tenant's admin sees none of it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChannelSettingsUiIT {

  private static final String PATH = "/api/v1/settings/channels";

  @RegisterExtension Browser browser = new Browser();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.forestall();
  }

  @Test
  void anAdminSetsUpSmsAndTheTokenIsNeverShown() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String token = "tok-ui-" + run;
    String key = Api.key("acme-admin", "FULL");
    Api.put(PATH, key, "{\"smsAuthToken\":null}");
    browser.login("/settings/channels.xhtml", "acme-admin");
    WebDriver page = browser.open();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("channels:save")));
    type(page, "channels:emailSenderName", "Acme Care " + run);
    type(page, "channels:emailFromAddress", "care@acme");
    page.findElement(By.cssSelector("[id='channels:smsEnabled'] .ui-chkbox-box")).click();
    type(page, "channels:smsProviderUrl", "https://sms.example.invalid/acme-" + run);
    type(page, "channels:smsSenderId", "Acme Telecom UK");
    page.findElement(By.id("channels:save")).click();
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("channels"), "up to 11 letters and digits"));
    String errors = page.findElement(By.id("channels")).getText();
    assertTrue(errors.contains("must be an email address"), errors);
    assertTrue(errors.contains("is required to send SMS"), errors);
    browser.screenshot("channels-invalid");

    type(page, "channels:emailFromAddress", "care@acme.example");
    type(page, "channels:smsSenderId", "AcmeTel");
    type(page, "channels:smsAuthToken", token);
    page.findElement(By.id("channels:save")).click();
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("channels:messages"), "Channel settings saved"));
    assertEquals("set", page.findElement(By.id("channels:tokenState")).getText());
    assertFalse(page.getPageSource().contains(token), "the token is not sent back");
    browser.screenshot("channels");

    page.navigate().refresh();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("channels:save")));
    assertEquals("set", page.findElement(By.id("channels:tokenState")).getText());
    assertEquals("", page.findElement(By.id("channels:smsAuthToken")).getAttribute("value"));
    assertFalse(page.getPageSource().contains(token));
    JsonObject stored = Api.get(PATH, key).json();
    assertEquals("AcmeTel", stored.getString("smsSenderId"));
    assertTrue(stored.getBoolean("smsAuthTokenSet"));

    page.findElement(By.cssSelector("[id='channels:smsEnabled'] .ui-chkbox-box")).click();
    page.findElement(By.cssSelector("[id='channels:clearToken'] .ui-chkbox-box")).click();
    page.findElement(By.id("channels:save")).click();
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("channels:tokenState"), "not set"));
    assertFalse(Api.get(PATH, key).json().getBoolean("smsAuthTokenSet"));
  }

  @Test
  void anotherTenantsAdminSeesOnlyItsOwnSettings() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String acme = Api.key("acme-admin", "FULL");
    Api.put(
        PATH,
        acme,
        "{\"emailSenderName\":\"Acme Care "
            + run
            + "\",\"smsEnabled\":true,\"smsProviderUrl\":\"https://sms.example.invalid/"
            + run
            + "\",\"smsSenderId\":\"AcmeTel\",\"smsAuthToken\":\"tok-"
            + run
            + "\"}");

    browser.login("/settings/channels.xhtml", "globex-admin");
    WebDriver page = browser.open();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("channels:save")));
    assertFalse(page.getPageSource().contains(run), "nothing of acme's settings");
    assertEquals("Kanäle", page.findElement(By.tagName("h1")).getText());
    type(page, "channels:emailSenderName", "Globex Service " + run);
    page.findElement(By.id("channels:save")).click();
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("channels:messages"), "Kanaleinstellungen gespeichert"));
    browser.screenshot("channels-globex-de");

    JsonObject ours = Api.get(PATH, acme).json();
    assertEquals("Acme Care " + run, ours.getString("emailSenderName"));
    assertTrue(ours.getBoolean("smsAuthTokenSet"));
    assertEquals(403, Api.get("/settings/channels.xhtml", Api.token("acme-agent")).status());
    Api.put(PATH, acme, "{\"smsAuthToken\":null}");
    Api.put(PATH, Api.key("globex-admin", "FULL"), "{}");
  }

  private static void type(WebDriver page, String id, String text) {
    var input = page.findElement(By.id(id));
    input.clear();
    input.sendKeys(text);
  }
}
