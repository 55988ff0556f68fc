package io.forestall.analytics.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.testsupport.Api;
import io.forestall.testsupport.Browser;
import io.forestall.testsupport.Deployments;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The analytics screens in a real browser show what the API answers: the demo's Bill shock funnel
 * and repeat-contact rates drawn as charts and in numbers, the board's ranking and failure demand;
 * a wrong currency on the settings screen is named and nothing is saved.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AnalyticsUiIT {

  @RegisterExtension Browser browser = new Browser();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.forestall();
  }

  private String text(String id) {
    return browser.open().findElement(By.id(id)).getText().strip();
  }

  private static String percent(JsonObject group) {
    return group.isNull("rate")
        ? "–"
        : String.format(Locale.ENGLISH, "%.1f %%", group.getJsonNumber("rate").doubleValue() * 100);
  }

  @Test
  void theFunnelAndTheBoardShowTheFiguresTheApiAnswers() {
    String token = Api.token("acme-admin");
    long billShock =
        Api.get("/api/v1/playbooks", token).json().getJsonArray("items").stream()
            .map(JsonValue::asJsonObject)
            .filter(p -> p.getString("name").equals("Bill shock"))
            .findFirst()
            .orElseThrow()
            .getJsonNumber("id")
            .longValue();
    JsonObject figures = Api.get("/api/v1/analytics/playbooks/" + billShock, token).json();
    JsonObject funnel = figures.getJsonObject("funnel");
    assertTrue(funnel.getInt("resolved") > 0, "the demo resolved Bill shock cases: " + funnel);

    browser.login("/analytics/overview.xhtml", "acme-admin");
    WebDriver page = browser.open();
    browser
        .waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pyramidChart canvas")));
    page.findElement(By.linkText("Bill shock")).click();
    browser
        .waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#funnelChart canvas")));
    assertEquals(1, page.findElements(By.cssSelector("#ratesChart canvas")).size());
    assertEquals(String.valueOf(funnel.getInt("detected")), text("funnelDetected"));
    assertEquals(String.valueOf(funnel.getInt("contacted")), text("funnelContacted"));
    assertEquals(String.valueOf(funnel.getInt("responded")), text("funnelResponded"));
    assertEquals(String.valueOf(funnel.getInt("resolved")), text("funnelResolved"));
    assertEquals(String.valueOf(funnel.getInt("verified")), text("funnelVerified"));
    assertEquals(String.valueOf(funnel.getInt("reopened")), text("funnelReopened"));
    assertEquals(String.valueOf(funnel.getInt("heldOut")), text("funnelHeldOut"));
    JsonObject rates = figures.getJsonObject("repeatContacts");
    JsonObject contacted = rates.getJsonObject("contacted");
    assertEquals(percent(contacted), text("contactedRate"));
    assertEquals(
        contacted.getInt("repeatContacts") + " / " + contacted.getInt("cases"),
        text("contactedCount"));
    assertEquals(percent(rates.getJsonObject("heldOut")), text("heldOutRate"));
    browser.screenshot("analytics-playbook");

    JsonObject board = Api.get("/api/v1/analytics/board", token).json();
    page.get(Api.APP + "/analytics/board.xhtml");
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("board")));
    List<String> causes =
        page.findElements(By.cssSelector("#board .fs-root-cause")).stream()
            .map(WebElement::getText)
            .toList();
    List<String> demands =
        page.findElements(By.cssSelector("#board .fs-demand")).stream()
            .map(WebElement::getText)
            .toList();
    List<JsonObject> lines =
        board.getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();
    assertFalse(lines.isEmpty(), "the demo filed root causes");
    assertEquals(lines.stream().map(l -> l.getString("rootCause")).toList(), causes);
    assertEquals(
        lines.stream().map(l -> money(l.getJsonObject("failureDemand"))).toList(), demands);
    assertEquals(money(board.getJsonObject("costPerContact")), text("costPerContact"));
    browser.screenshot("analytics-board");
  }

  private static String money(JsonObject money) {
    NumberFormat format = NumberFormat.getNumberInstance(Locale.ENGLISH);
    format.setMinimumFractionDigits(2);
    format.setMaximumFractionDigits(2);
    BigDecimal amount = money.getJsonNumber("amount").bigDecimalValue();
    return format.format(amount) + " " + money.getString("currency");
  }

  @Test
  void aWrongCurrencyIsNamedOnTheSettingsScreenAndNothingIsSaved() {
    String key = Api.key("globex-admin", "FULL");
    String before = Api.get("/api/v1/settings/closed-loop", key).body();
    browser.login("/settings/closed-loop.xhtml", "globex-admin");
    WebDriver page = browser.open();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("loop:save")));
    WebElement currency = page.findElement(By.id("loop:currency"));
    currency.sendKeys(Keys.chord(Keys.CONTROL, "a"), "XX");
    page.findElement(By.id("loop:save")).click();
    browser
        .waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("loop"), "ISO 4217"));
    browser.screenshot("closed-loop-settings");
    assertEquals(before, Api.get("/api/v1/settings/closed-loop", key).body());
  }
}
