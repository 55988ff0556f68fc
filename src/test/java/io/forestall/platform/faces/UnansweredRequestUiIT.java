package io.forestall.platform.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.forestall.testsupport.Api;
import io.forestall.testsupport.Browser;
import io.forestall.testsupport.Deployments;
import java.util.Map;
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
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What the app shell shows when a request goes wrong on its way: a request that gets no answer at
 * all (the node serving it died, the network dropped) opens a dialog saying so, where the page
 * would otherwise stay as it was as if nothing had been asked; its Reload brings back the same
 * address, query and all, still signed in. A page that expired opens only its own dialog.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UnansweredRequestUiIT {

  private static final String PAGE = "/cases/list.xhtml?playbook=0";

  @RegisterExtension Browser browser = new Browser();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.forestall();
  }

  @Test
  void aRequestWithoutAnswerSaysSoAndReloadsTheSamePage() {
    browser.login(PAGE, "acme-admin");
    ChromiumDriver page = (ChromiumDriver) browser.open();
    browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("tabs:filter:apply")));
    assertEquals(Api.APP + PAGE, page.getCurrentUrl(), "the address asked for, after the login");

    network(page, true);
    page.findElement(By.id("tabs:filter:apply")).click();
    browser
        .waiting()
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("connectionDialog")));
    assertFalse(page.findElement(By.id("errorDialog")).isDisplayed());
    assertFalse(page.findElement(By.id("expiredDialog")).isDisplayed());
    browser.screenshot("unanswered-request");

    network(page, false);
    page.findElement(By.cssSelector("#connectionDialog .fs-reload")).click();
    browser
        .waiting()
        .until(ExpectedConditions.invisibilityOfElementLocated(By.id("connectionDialog")));
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("userName")));
    assertEquals(Api.APP + PAGE, page.getCurrentUrl());
    assertFalse(page.getPageSource().contains("kc-login"), "sent to log in again");
  }

  @Test
  void anExpiredPageOpensOnlyItsOwnDialog() {
    browser.login(PAGE, "acme-admin");
    WebDriver page = browser.open();
    browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("tabs:filter:apply")));
    ((JavascriptExecutor) page)
        .executeScript(
            "document.querySelectorAll(\"input[name='jakarta.faces.ViewState']\")"
                + ".forEach(i => i.value = '-1:-1');");

    page.findElement(By.id("tabs:filter:apply")).click();
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("expiredDialog")));
    assertFalse(page.findElement(By.id("connectionDialog")).isDisplayed());
    assertFalse(page.findElement(By.id("errorDialog")).isDisplayed());
  }

  /** Takes the browser off the network, or puts it back, through Chrome's DevTools protocol. */
  private static void network(ChromiumDriver page, boolean offline) {
    page.executeCdpCommand("Network.enable", Map.of());
    page.executeCdpCommand(
        "Network.emulateNetworkConditions",
        Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
  }
}
