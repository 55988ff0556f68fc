package io.forestall.offers.web;

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
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The offer catalogue in a real browser: a rule that is not one is named beside its field and
 * nothing is saved; the fixed offer joins the table with its funnel; the demo's offer is charted.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OffersUiIT {

  @RegisterExtension Browser browser = new Browser();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.forestall();
  }

  @Test
  void aTenantAdminAddsAnOfferWithEligibilityRules() {
    String title = "Family plan " + UUID.randomUUID().toString().substring(0, 6);
    browser.login("/offers/list.xhtml", "acme-admin");
    WebDriver page = browser.open();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("offer:save")));
    assertTrue(page.findElement(By.id("list:offers")).getText().contains("Roam like at home"));
    page.findElement(By.id("offer:title")).sendKeys(title);
    page.findElement(By.id("offer:description")).sendKeys("Four lines for the price of three.");
    page.findElement(By.id("offer:link")).sendKeys("https://acme-telecom.example.com/family");
    page.findElement(By.id("offer:eligibility")).sendKeys("segment equals consumer");
    page.findElement(By.id("offer:revenue_input")).sendKeys("90");
    page.findElement(By.id("offer:save")).click();
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("offer"), "is not attribute OPERATOR value"));
    assertTrue(!page.findElement(By.id("list:offers")).getText().contains(title));

    var rules = page.findElement(By.id("offer:eligibility"));
    rules.clear();
    rules.sendKeys("segment EQ consumer\nlines GT 1");
    page.findElement(By.id("offer:save")).click();
    browser
        .waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("list:offers"), title));
    browser.screenshot("offers");
  }
}
