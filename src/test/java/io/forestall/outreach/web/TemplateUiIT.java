package io.forestall.outreach.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.testsupport.Api;
import io.forestall.testsupport.Browser;
import io.forestall.testsupport.Deployments;
import io.forestall.testsupport.Outreach;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The template screens in a real browser: a misspelt variable is named before publishing, the
 * preview renders a real demo case, publishing numbers the version, SMS texts are counted.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TemplateUiIT {

  @RegisterExtension Browser browser = new Browser();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.forestall();
  }

  @Test
  void anEmailTemplateIsCheckedPreviewedAndPublished() {
    String name = "Bill shock mail " + UUID.randomUUID().toString().substring(0, 6);
    browser.login("/outreach/template.xhtml", "acme-admin");
    WebDriver page = browser.open();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("template:save")));
    page.findElement(By.id("template:name")).sendKeys(name);
    page.findElement(By.cssSelector("[id$=':part']")).sendKeys("Your bill, {{customer.nmae}}");
    page.findElements(By.cssSelector("textarea[id$=':partText']"))
        .get(0)
        .sendKeys(
            "<p>Hi {{customer.firstName}},</p><p>your last bill was <b>{{evidence.recent}}</b>"
                + " against {{evidence.baseline}} usually ({{evidence.changePercent}} %).</p>");
    page.findElements(By.cssSelector("textarea[id$=':partText']"))
        .get(1)
        .sendKeys("Hi {{customer.firstName}}, your last bill was {{evidence.recent}}.");
    page.findElement(By.id("template:save")).click();
    browser.waiting().until(ExpectedConditions.urlContains("id="));
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("template:publish")));
    page.findElement(By.id("template:publish")).click();
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("template:messages"), "customer.nmae"));
    browser.screenshot("template-unknown-variable");

    var subject = page.findElement(By.cssSelector("[id$=':part']"));
    subject.clear();
    subject.sendKeys("Your bill, {{customer.firstName}}");
    page.findElement(By.id("template:previewCustomer")).sendKeys("ACME-1002");
    page.findElement(By.id("template:findCases")).click();
    browser
        .waiting()
        .until(
            ExpectedConditions.jsReturnsValue(
                "var s = document.getElementById('template:previewCase_input');"
                    + " return s && s.innerHTML.indexOf('ACME-1002 · Bill shock') >= 0 ? true : null;"));
    ((JavascriptExecutor) page)
        .executeScript(
            "var s = document.getElementById('template:previewCase_input');"
                + "for (var i = 0; i < s.options.length; i++) {"
                + " if (s.options[i].text.indexOf('ACME-1002 · Bill shock') === 0) {"
                + " s.selectedIndex = i; } }");
    page.findElement(By.id("template:runPreview")).click();
    browser
        .waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.id("template:previewResult")));
    String previewed = page.findElement(By.id("template:previewResult")).getText();
    assertTrue(previewed.contains("Your bill, Harry"), previewed);
    assertTrue(previewed.contains("182.40"), previewed);
    page.findElement(By.id("template:publish")).click();
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("growl_container"), "Published as version 1"));
    browser.screenshot("template-editor");

    page.get(Api.APP + "/playbooks/list.xhtml");
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.linkText("Bill shock")));
    page.findElement(By.linkText("Bill shock")).click();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("editor:save")));
    ((JavascriptExecutor) page)
        .executeScript(
            "var s = document.querySelector(\"select[id$=':0:template_input']\");"
                + "for (var i = 0; i < s.options.length; i++) {"
                + " if (s.options[i].text.indexOf(arguments[0]) === 0) { s.selectedIndex = i; } }",
            name);
    page.findElement(By.id("editor:save")).click();
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("editor:unpublished"), "·"));
    page.navigate().refresh();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("editor:save")));
    String chosen =
        page.findElement(By.cssSelector("[id$=':0:template'] .ui-selectonemenu-label")).getText();
    assertTrue(chosen.startsWith(name), chosen);

    page.get(Api.APP + "/outreach/templates.xhtml");
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("templates")));
    assertTrue(page.findElement(By.id("templates")).getText().contains(name));
    browser.screenshot("templates-list");
  }

  @Test
  void smsTextsAreCountedInSegments() {
    browser.login("/outreach/template.xhtml", "acme-admin");
    WebDriver page = browser.open();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("template:save")));
    ((JavascriptExecutor) page)
        .executeScript(
            "var s = document.getElementById('template:channel_input'); s.value = 'SMS';"
                + " s.dispatchEvent(new Event('change'));");
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("template:smsLength"), "GSM-7"));
    page.findElement(By.cssSelector("textarea[id$=':partText']")).sendKeys("€".repeat(81));
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("template:smsLength"), "162 characters in GSM-7: 2 SMS parts"));
    browser.screenshot("template-sms");
  }

  @Test
  void guardrailsAreKeptOnTheirScreen() {
    browser.login("/settings/outreach.xhtml", "globex-admin");
    WebDriver page = browser.open();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("guardrails:save")));
    page.findElement(By.id("guardrails:capMessages_input"))
        .sendKeys(Keys.chord(Keys.CONTROL, "a"), "0");
    page.findElement(By.id("guardrails:save")).click();
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("guardrails"), "must be from 1 to 50"));
    page.findElement(By.id("guardrails:capMessages_input"))
        .sendKeys(Keys.chord(Keys.CONTROL, "a"), "4");
    page.findElement(By.id("guardrails:save")).click();
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("guardrails:messages"), "Schutzregeln gespeichert"));
    page.navigate().refresh();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("guardrails:save")));
    assertTrue(
        page.findElement(By.id("guardrails:capMessages_input"))
            .getAttribute("value")
            .startsWith("4"));
    browser.screenshot("outreach-guardrails");
  }

  @Test
  void theOutboxListsMessagesByState() {
    String key = Api.key("acme-admin", "FULL");
    String run = UUID.randomUUID().toString().substring(0, 8);
    long template =
        Api.post(
                "/api/v1/templates",
                key,
                "{\"name\":\"Outbox "
                    + run
                    + "\",\"channel\":\"EMAIL\",\"variants\":{\"en\":{\"subject\":\"Hi\","
                    + "\"html\":\"<p>Hi</p>\",\"text\":\"Hi\"}}}")
            .json()
            .getJsonNumber("id")
            .longValue();
    Api.post("/api/v1/templates/" + template + "/publish", key, "");
    long playbook =
        Api.post(
                "/api/v1/playbooks",
                key,
                "{\"name\":\"Outbox "
                    + run
                    + "\",\"level\":\"ALERT\",\"cooldown\":\"PT0M\",\"messages\":{\"EMAIL\":"
                    + template
                    + "},\"trigger\":{\"conditions\":[{\"kind\":\"EVENT\",\"eventType\":"
                    + "\"outbox.test_"
                    + run
                    + "\"}]}}")
            .json()
            .getJsonNumber("id")
            .longValue();
    Api.post("/api/v1/playbooks/" + playbook + "/publish", key, "");
    String customer = "OUTBOX-" + run;
    Api.post(
        "/api/v1/customers",
        key,
        "{\"externalId\":\""
            + customer
            + "\",\"email\":\"ob."
            + run
            + "@example.com\",\"consent\":{\"email\":false}}");
    Api.post(
        "/api/v1/events",
        key,
        "{\"id\":\""
            + UUID.randomUUID()
            + "\",\"customer\":\""
            + customer
            + "\",\"type\":\"outbox.test_"
            + run
            + "\",\"occurredAt\":\""
            + Instant.now().minusSeconds(5)
            + "\"}");

    Outreach.awaitMessage(key, playbook, "SKIPPED");
    String caseLink = "#" + Outreach.caseOf(key, playbook).getJsonNumber("id");

    browser.login("/outreach/outbox.xhtml", "acme-admin");
    WebDriver page = browser.open();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("outbox:messages")));
    page.findElement(By.xpath("//div[@id='outbox:state']//div[contains(., 'Not sent')]")).click();
    browser
        .waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath(
                    "//div[@id='outbox:state']//div[contains(@class, 'ui-state-active')"
                        + " and contains(., 'Not sent')]")));
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("outbox:messages"), caseLink));
    String table = page.findElement(By.id("outbox:messages")).getText();
    assertTrue(table.contains("not agreed to email"), table);
    browser.screenshot("outbox");
  }
}
