package io.forestall.tenants.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The platform admin's and the tenant admin's screens in a real browser. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenantUiIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.forestall();
  }

  @RegisterExtension final Browser browser = new Browser();

  @Test
  void thePlatformAdminCreatesATenantAndSeesItsAdminPasswordOnce() {
    String slug = "ui" + UUID.randomUUID().toString().substring(0, 6);
    browser.login("/platform/tenants.xhtml", "platform-admin");
    WebDriver page = browser.open();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("tenants:table")));
    assertTrue(page.findElement(By.id("tenants:table")).getText().contains("globex"));

    page.findElement(By.id("newTenant")).click();
    browser
        .waiting()
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("createForm:slug")));
    page.findElement(By.id("createForm:slug")).sendKeys("Not A Slug");
    page.findElement(By.id("createForm:create")).click();
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("createForm"), "lowercase"));
    browser.screenshot("tenants-create-invalid");

    page.findElement(By.id("createForm:slug")).clear();
    page.findElement(By.id("createForm:slug")).sendKeys(slug);
    page.findElement(By.id("createForm:name")).sendKeys("Initech " + slug);
    page.findElement(By.id("createForm:adminUsername")).sendKeys(slug + "-admin");
    page.findElement(By.id("createForm:adminEmail")).sendKeys(slug + "@example.com");
    page.findElement(By.id("createForm:create")).click();
    browser
        .waiting()
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("createdPassword")));
    browser.screenshot("tenants-created");
    assertEquals(16, page.findElement(By.id("createdPassword")).getText().strip().length());
    assertEquals(slug + "-admin", page.findElement(By.id("createdAdmin")).getText().strip());
    assertTrue(page.findElement(By.id("tenants:table")).getText().contains("Initech " + slug));
  }

  @Test
  void aTenantAdminSwitchesTheThemeAndLanguage() {
    browser.login("/settings/tenant.xhtml", "acme-admin");
    WebDriver page = browser.open();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("settings:save")));
    assertTrue(
        page.getPageSource().contains("primefaces-forestall"), "the Forestall theme by default");
    browser.screenshot("settings-forestall-theme");

    chooseTheme(page, 1);
    assertTrue(
        page.getPageSource().contains("primefaces-saga-blue"), "the chosen theme applies at once");
    browser.screenshot("settings-saga-theme");

    chooseTheme(page, 0);
    assertTrue(page.getPageSource().contains("primefaces-forestall"));
  }

  /**
   * Picks a theme and saves; the save redirects, so wait for the old page to go before reading on.
   */
  private void chooseTheme(WebDriver page, int option) {
    // The page may still be settling from the previous save: find and click in one retried step.
    browser
        .waiting()
        .ignoring(WebDriverException.class)
        .until(
            driver -> {
              driver
                  .findElement(By.cssSelector("label[for='settings:theme:" + option + "']"))
                  .click();
              return true;
            });
    WebElement save = page.findElement(By.id("settings:save"));
    save.click();
    browser.waiting().until(ExpectedConditions.stalenessOf(save));
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("body"), "Settings saved"));
  }
}
