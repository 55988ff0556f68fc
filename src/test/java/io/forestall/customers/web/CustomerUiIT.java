package io.forestall.customers.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.testsupport.Browser;
import io.forestall.testsupport.Deployments;
import java.util.UUID;
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
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The flows people do, in a real browser through the real Keycloak login. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CustomerUiIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.forestall();
  }

  @RegisterExtension final Browser browser = new Browser();

  @Test
  void aTenantAdminCreatesACustomerAndFindsItInTheList() {
    String externalId = "UI-" + UUID.randomUUID().toString().substring(0, 8);
    browser.login("/customers/list.xhtml", "acme-admin");
    WebDriver page = browser.open();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("customers:table")));
    assertTrue(page.findElement(By.id("tenantName")).getText().contains("Acme"));
    browser.screenshot("customers-list");

    page.findElement(By.id("newCustomer")).click();
    browser
        .waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.id("customer:externalId")));
    page.findElement(By.id("customer:externalId")).sendKeys(externalId);
    page.findElement(By.id("customer:name")).sendKeys("Selenium Customer");
    page.findElement(By.id("customer:email")).sendKeys("not an email");
    page.findElement(By.id("customer:save")).click();
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("customer"), "valid email"));
    browser.screenshot("customer-edit-invalid");

    page.findElement(By.id("customer:email")).clear();
    page.findElement(By.id("customer:email")).sendKeys("selenium@example.com");
    page.findElement(By.id("customer:phone")).sendKeys("+447700900999");
    page.findElement(By.id("customer:save")).click();
    browser.waiting().until(ExpectedConditions.urlContains("/customers/list"));

    page.findElement(By.id("customers:table:search")).sendKeys(externalId);
    // Each key typed redraws the table, so the wait reads it afresh rather than holding an element.
    browser
        .waiting()
        .until(
            ExpectedConditions.and(
                ExpectedConditions.textToBePresentInElementLocated(
                    By.id("customers:table"), "Selenium Customer"),
                ExpectedConditions.textToBePresentInElementLocated(
                    By.id("customers:table"), externalId)));
    browser.screenshot("customers-list-found");
  }

  @Test
  void anotherTenantsUserSeesItsOwnCustomersInItsLanguage() {
    browser.login("/customers/list.xhtml", "globex-admin");
    WebDriver page = browser.open();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("customers:table")));
    String table = page.findElement(By.id("customers:table")).getText();
    browser.screenshot("customers-list-globex-de");
    assertTrue(table.contains("GX-FF-20001"), table);
    assertFalse(table.contains("ACME-"), table);
    assertEquals("Kunden", page.findElement(By.tagName("h1")).getText());

    page.findElement(By.id("customers:table:search")).sendKeys("ACME-1001", Keys.TAB);
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("customers:table"), "Keine"));
  }

  @Test
  void anAgentIsRefusedTheSettingsAndLogoutEndsTheSession() {
    browser.login("/settings/tenant.xhtml", "acme-agent");
    WebDriver page = browser.open();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("noticeTitle")));
    browser.screenshot("denied");
    assertEquals("Not allowed", page.findElement(By.id("noticeTitle")).getText());

    page.get(io.forestall.testsupport.Api.APP + "/index.xhtml");
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
    assertTrue(
        page.findElements(By.id("menuForm:menuSettings")).isEmpty(), "no settings in the menu");
    browser.screenshot("home-agent");
    page.findElement(By.id("logout")).click();
    page.get(io.forestall.testsupport.Api.APP + "/customers/list.xhtml");
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
  }
}
