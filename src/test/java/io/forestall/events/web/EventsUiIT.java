package io.forestall.events.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.testsupport.Api;
import io.forestall.testsupport.Browser;
import io.forestall.testsupport.Deployments;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * A tenant admin creates a key in the browser, sends events with it, and reads them back on screen.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EventsUiIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.forestall();
  }

  @RegisterExtension final Browser browser = new Browser();

  @Test
  void keysEventsTimelineExplorerAndOverview() {
    browser.login("/settings/api-keys.xhtml", "acme-admin");
    WebDriver page = browser.open();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("create:name")));
    page.findElement(By.id("create:name")).sendKeys("Billing system");
    page.findElement(By.id("create:createKey")).click();
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("createdKey")));
    String key = page.findElement(By.id("createdKey")).getText().strip();
    assertTrue(key.startsWith("fsk_"), key);
    browser.screenshot("api-key-created");

    String customer = "UI-TL-" + UUID.randomUUID().toString().substring(0, 6);
    StringBuilder batch = new StringBuilder("{\"events\":[");
    Instant start = Instant.now().minus(10, ChronoUnit.DAYS);
    for (int day = 0; day < 10; day++) {
      batch
          .append(day == 0 ? "" : ",")
          .append("{\"id\":\"")
          .append(customer)
          .append("-bill-")
          .append(day)
          .append("\",\"customer\":\"")
          .append(customer)
          .append("\",\"type\":\"bill.issued\",\"occurredAt\":\"")
          .append(start.plus(day, ChronoUnit.DAYS))
          .append("\",\"value\":")
          .append(90 + day * day)
          .append("}");
    }
    batch.append("]}");
    Api.Answer sent = Api.post("/api/v1/events", key, batch.toString());
    assertEquals(202, sent.status(), sent.body());
    assertEquals(400, Api.post("/api/v1/events", key, "{\"id\":\"broken\"}").status());

    page.get(Api.APP + "/events/timeline.xhtml?customer=" + customer);
    browser
        .waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#valueChart canvas")));
    assertTrue(page.findElement(By.id("timeline:table")).getText().contains("bill.issued"));
    browser.screenshot("customer-timeline");

    page.get(Api.APP + "/events/explorer.xhtml");
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("events:customer")));
    page.findElement(By.id("events:customer")).sendKeys(customer);
    page.findElement(By.id("events:apply")).click();
    browser
        .waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("events:table"), "1–10"));
    browser.screenshot("events-explorer");

    page.get(Api.APP + "/events/overview.xhtml");
    browser
        .waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#dailyChart canvas")));
    assertTrue(page.findElement(By.id("errors")).getText().contains("400"));
    browser.screenshot("ingest-overview");
  }
}
