package io.forestall.tasks.web;

import static io.forestall.tasks.TaskFixture.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.tasks.TaskFixture;
import io.forestall.testsupport.Api;
import io.forestall.testsupport.Browser;
import io.forestall.testsupport.Deployments;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The work queue in a real browser: an agent finds a task of their team with its SLA countdown,
 * claims it, notes what they did and closes it as resolved with a root cause, which resolves the
 * case.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TaskUiIT {

  @RegisterExtension Browser browser = new Browser();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.forestall();
  }

  @Test
  void anAgentClaimsNotesAndClosesATask() throws Exception {
    String key = Api.key("acme-admin", "FULL");
    String customer = unique("UI-TASK-");
    String team = unique("Queue ");
    long caseId = TaskFixture.cases(key, List.of(customer)).get(0);
    long id = TaskFixture.task(key, caseId, team);

    browser.login("/tasks/queue.xhtml", "acme-agent");
    WebDriver page = browser.open();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("queue:tasks")));
    ((JavascriptExecutor) page)
        .executeScript(
            "var s = document.getElementById('queue:team_input'); s.value = arguments[0];"
                + " s.dispatchEvent(new Event('change'));",
            team);
    browser
        .waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue:tasks"), customer));
    String row = page.findElement(By.id("queue:tasks")).getText();
    assertTrue(row.contains("Asked for an agent"), row);
    browser
        .waiting()
        .until(
            ExpectedConditions.textMatches(
                By.cssSelector("#queue\\:tasks [data-due]"), Pattern.compile("\\d+m \\d+s")));
    browser.screenshot("tasks-queue");

    page.findElement(By.cssSelector("[id$=':claim']")).click();
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("growl_container"), "Task " + id + " is yours"));
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("queue:tasks"), "Alan Agent"));

    page.findElement(By.cssSelector("[id$=':open']")).click();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("closing:close")));
    assertTrue(page.findElement(By.id("currentOwner")).getText().contains("Alan Agent"));
    assertTrue(page.getPageSource().contains(customer));

    page.findElement(By.id("notes:text")).sendKeys("Called the customer, explained the bill");
    page.findElement(By.id("notes:addNote")).click();
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("timeline"), "Called the customer, explained the bill"));

    page.findElement(By.id("closing:close")).click();
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("closing"), "must be one of"));

    String cause = unique("Bill explained late ");
    page.findElement(
            By.xpath(
                "//div[@id='closing:outcome']//div[contains(., 'Resolved') and not(contains(., 'Not'))]"))
        .click();
    page.findElement(By.id("closing:rootCause_input")).sendKeys(cause);
    page.findElement(By.id("closing:note")).sendKeys("Credit applied");
    page.findElement(By.id("closing:close")).click();
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("work:outcome"), "Resolved"));
    browser.screenshot("task-closed");

    var theCase = Api.get("/api/v1/cases/" + caseId, key).json();
    assertEquals("RESOLVED", theCase.getString("state"));
    assertEquals(cause, theCase.getString("rootCause"));
  }
}
