package io.forestall.playbooks.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.testsupport.Api;
import io.forestall.testsupport.Browser;
import io.forestall.testsupport.Deployments;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The playbook screens in a real browser: the editor builds a trigger, explains a mistake, saves,
 * publishes and dry-runs; the cases, tasks and audit screens show what it did, the audit log with
 * each change's before and after.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlaybookUiIT {

  @RegisterExtension Browser browser = new Browser();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.forestall();
  }

  @Test
  void editorBuildsValidatesPublishesAndDryRuns() {
    String type = "ui.rage_click_" + UUID.randomUUID().toString().substring(0, 6);
    String key = Api.key("acme-admin", "INGEST");
    StringBuilder clicks = new StringBuilder("{\"events\":[");
    for (int i = 0; i < 6; i++) {
      clicks
          .append(i == 0 ? "" : ",")
          .append("{\"id\":\"")
          .append(UUID.randomUUID())
          .append("\",\"customer\":\"ACME-1001\",\"type\":\"")
          .append(type)
          .append("\",\"occurredAt\":\"")
          .append(Instant.now().minusSeconds(60 - i * 5L))
          .append("\"}");
    }
    Api.post("/api/v1/events", key, clicks.append("]}").toString());

    browser.login("/playbooks/edit.xhtml", "acme-admin");
    WebDriver page = browser.open();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("editor:save")));
    page.findElement(By.id("editor:save")).click();
    browser
        .waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ui-messages-error")));
    assertTrue(
        page.findElement(By.id("editor:messages")).getText().contains("Name"),
        page.getPageSource());
    browser.screenshot("playbook-editor-mistakes");

    page.findElement(By.id("editor:tabs:name")).sendKeys("Rage clicks " + type);
    page.findElement(By.cssSelector("[id$='eventType_input']")).sendKeys(type);
    page.findElement(By.id("editor:save")).click();
    browser.waiting().until(ExpectedConditions.urlContains("id="));
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("editor:publish")));
    page.findElement(By.id("editor:publish")).click();
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("editor:status"), "Active"));
    page.findElement(By.id("editor:dryRun")).click();
    browser
        .waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.id("editor:dryRunTable")));
    assertTrue(page.findElement(By.id("editor:dryRunTable")).getText().contains("ACME-1001"));
    browser.screenshot("playbook-editor-dry-run");

    page.findElement(By.id("editor:scanNow")).click();
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("growl_container"), "new case"));
    page.findElement(By.linkText("Versions")).click();
    browser.screenshot("playbook-editor-versions");

    page.get(Api.APP + "/cases/list.xhtml");
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("tabs:cases")));
    assertTrue(page.findElement(By.id("tabs:cases")).getText().contains(type));
    browser.screenshot("cases-list");
    page.findElement(By.partialLinkText(type)).click();
    browser.waiting().until(ExpectedConditions.urlContains("/cases/view"));
    browser.screenshot("case-view");

    page.get(Api.APP + "/playbooks/list.xhtml");
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("playbooks")));
    browser.screenshot("playbooks-list");
    page.get(Api.APP + "/settings/audit.xhtml");
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("auditForm:audit")));
    assertTrue(
        page.findElement(By.id("auditForm:audit")).getText().contains("published version 1"));
    browser.screenshot("audit-log");

    page.get(Api.APP + "/playbooks/list.xhtml");
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.linkText("Bill shock")));
    page.findElement(By.linkText("Bill shock")).click();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.linkText("Backtest")));
    ((JavascriptExecutor) page)
        .executeScript(
            "arguments[0].scrollIntoView()", page.findElement(By.id("editor:tabs:level")));
    browser.screenshot("playbook-editor-definition");
    ((JavascriptExecutor) page)
        .executeScript(
            "arguments[0].scrollIntoView()", page.findElement(By.id("editor:tabs:schedule")));
    browser.screenshot("playbook-editor-guardrails");
    ((JavascriptExecutor) page).executeScript("window.scrollTo(0, 0)");
    page.findElement(By.linkText("Backtest")).click();
    page.findElement(By.id("editor:tabs:runBacktest")).click();
    browser
        .waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#editor\\:tabs\\:backtestChart canvas")));
    assertTrue(
        page.findElement(By.id("editor:tabs:backtestSummary")).getText().startsWith("2 customers"),
        page.findElement(By.id("editor:tabs:backtestResult")).getText());
    browser.screenshot("playbook-backtest");
  }

  @Test
  @Tag("security")
  void complaintWeightsAreTriedOnASampleSavedAndAudited() {
    browser.login("/settings/complaints.xhtml", "brightwheel-admin");
    WebDriver page = browser.open();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("weights:score")));
    page.findElement(By.id("weights:sampleText"))
        .sendKeys("You charged me £80 twice for the same oil change and nobody answers my emails.");
    page.findElement(By.id("weights:score")).click();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("weights:parts")));
    assertTrue(
        page.findElement(By.id("weights:parts")).getText().contains("mentions money"),
        page.findElement(By.id("weights:result")).getText());

    WebElement frontline = page.findElement(By.id("weights:frontlineTeam"));
    frontline.clear();
    page.findElement(By.id("weights:save")).click();
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("weights"), "Team for simple complaints: is required"));
    browser.screenshot("complaint-weights-mistake");

    page.findElement(By.id("weights:frontlineTeam")).sendKeys("Service desk");
    WebElement money = page.findElement(By.id("weights:money_input"));
    money.sendKeys(Keys.chord(Keys.CONTROL, "a"), "35");
    page.findElement(By.id("weights:save")).click();
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("weights:messages"), "Complaint scoring saved"));
    page.navigate().refresh();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("weights:score")));
    assertEquals(
        "Service desk", page.findElement(By.id("weights:frontlineTeam")).getAttribute("value"));
    assertTrue(
        page.findElement(By.id("weights:money_input")).getAttribute("value").startsWith("35"),
        page.findElement(By.id("weights:money_input")).getAttribute("value"));
    page.findElement(By.id("weights:sampleText")).sendKeys("Refund my money now");
    page.findElement(By.id("weights:score")).click();
    browser
        .waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("weights:parts"), "35"));
    browser.screenshot("complaint-weights");

    page.get(Api.APP + "/settings/audit.xhtml");
    WebElement saved =
        browser
            .waiting()
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.xpath(
                        "//tbody[@id='auditForm:audit_data']/tr[contains(., 'Complaint scoring')]")));
    saved.findElement(By.cssSelector(".ui-row-toggler")).click();
    WebElement after =
        browser
            .waiting()
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".ui-expanded-row-content .fs-audit-after")));
    String before =
        page.findElement(By.cssSelector(".ui-expanded-row-content .fs-audit-before")).getText();
    assertTrue(after.getText().contains("\"Service desk\""), after.getText());
    assertTrue(after.getText().contains("\"money\": 35"), after.getText());
    assertTrue(before.contains("\"frontlineTeam\""), before);
    browser.screenshot("audit-log-before-after");
  }
}
