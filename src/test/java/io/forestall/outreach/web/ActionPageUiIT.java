package io.forestall.outreach.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.testsupport.Api;
import io.forestall.testsupport.Browser;
import io.forestall.testsupport.Deployments;
import io.forestall.testsupport.Outreach;
import io.forestall.testsupport.Smtp;
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
 * The action page in a real browser, as a customer without an account meets it: Globex's page in
 * German with its self-service options; picking one thanks them and asks for a score.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ActionPageUiIT {

  @RegisterExtension static Smtp smtp = new Smtp();

  @RegisterExtension Browser browser = new Browser();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.forestall();
  }

  @Test
  void aCustomerPicksAnOptionAndRatesTheHelp() throws Exception {
    String key = Api.key("globex-admin", "FULL");
    Outreach.openGuardrails(key);
    String run = UUID.randomUUID().toString().substring(0, 8);
    long template =
        Outreach.emailTemplate(
            key,
            "Gepäck " + run,
            "{\"en\":{\"subject\":\"Your bag is delayed\",\"html\":\"<p>x</p>\","
                + "\"text\":\"x {{links.action}}\"},"
                + "\"de\":{\"subject\":\"Ihr Gepäck kommt später, {{customer.firstName}}\","
                + "\"html\":\"<p>x</p>\",\"text\":\"Ihr Koffer hat den Anschluss in Frankfurt"
                + " verpasst und kommt mit dem nächsten Flug.\\n\\nWie sollen wir ihn"
                + " zustellen? {{links.action}}\"}}");
    Outreach.playbook(
        key,
        "Gepäck " + run,
        "SELF_HEAL",
        "baggage.delayed_" + run,
        template,
        ",\"options\":[\"Nach Hause liefern\",\"Am Flughafen abholen\"]");
    Outreach.customer(key, "GX-UI-" + run, "ui." + run + "@example.com", "de-DE");
    Outreach.event(key, "GX-UI-" + run, "baggage.delayed_" + run);
    String link = Outreach.link(Outreach.awaitMail(smtp.server(), "ui." + run));

    WebDriver page = browser.open();
    page.get(link);
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("options")));
    String shown = page.findElement(By.tagName("body")).getText();
    assertTrue(shown.contains("Globex") && shown.contains("Ihr Gepäck kommt später, Nora"), shown);
    assertTrue(shown.contains("Hilft Ihnen das?"), shown);
    assertTrue(!shown.contains("/r/"), "the page does not link to itself: " + shown);
    browser.screenshot("action-page");

    page.findElement(By.cssSelector("#options button[value='Am Flughafen abholen']")).click();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("csat")));
    assertTrue(page.findElement(By.id("answered")).getText().contains("Am Flughafen abholen"));
    page.findElement(By.cssSelector("#csat button[value='5']")).click();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("rated")));
    browser.screenshot("action-page-answered");

    page.get(Api.PUBLIC + "/r/not-a-real-link");
    assertTrue(page.findElement(By.id("refused")).getText().contains("link"));
    browser.screenshot("action-page-refused");
  }
}
