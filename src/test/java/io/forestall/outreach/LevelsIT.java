package io.forestall.outreach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.forestall.testsupport.Api;
import io.forestall.testsupport.Api.Answer;
import io.forestall.testsupport.Deployments;
import io.forestall.testsupport.Outreach;
import io.forestall.testsupport.Smtp;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The levels that reach out beyond a notice: SELF_HEAL offers its options on the action page and a
 * pick resolves the case; PRE_EMPT holds the customer's message until the tenant's system confirms
 * the remedy, then tells what was done and takes accept or undo.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LevelsIT {

  private static final String VARIANTS =
      "{\"en\":{\"subject\":\"About your bill, {{customer.firstName}}\","
          + "\"html\":\"<p>{{remedy.action}}</p>\","
          + "\"text\":\"Done for you: {{remedy.action}}\\n\\nChoose: {{links.action}}\"}}";
  @RegisterExtension static Smtp smtp = new Smtp();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.forestall();
  }

  @Test
  void selfHealOffersItsOptionsAndAPickResolvesTheCase() throws Exception {
    String key = Api.key("acme-admin", "FULL");
    Outreach.openGuardrails(key);
    String run = UUID.randomUUID().toString().substring(0, 8);
    long template = Outreach.emailTemplate(key, "Self heal " + run, VARIANTS);
    Answer noOptions =
        Api.post(
            "/api/v1/playbooks",
            key,
            "{\"name\":\"No options "
                + run
                + "\",\"level\":\"SELF_HEAL\",\"trigger\":{\"conditions\":[{\"kind\":\"EVENT\","
                + "\"eventType\":\"x.y\"}]},\"options\":[\"ok\",\"ok\",\"\"]}");
    assertEquals(400, noOptions.status(), noOptions.body());
    assertTrue(noOptions.body().contains("/options/1") && noOptions.body().contains("/options/2"));

    long playbook =
        Outreach.playbook(
            key,
            "Self heal " + run,
            "SELF_HEAL",
            "usage.spike_" + run,
            template,
            ",\"options\":[\"Raise my data limit\",\"Cap my spending at 50\"]");
    Outreach.customer(key, "SH-" + run, "sh." + run + "@example.com", "en");
    Outreach.event(key, "SH-" + run, "usage.spike_" + run);
    String link = Outreach.link(Outreach.awaitMail(smtp.server(), "sh." + run));

    String page = Outreach.page(link).body();
    assertTrue(page.contains("Raise my data limit") && page.contains("Cap my spending at 50"));
    assertEquals(400, Outreach.submit(link, "option=Give+me+money").statusCode());
    assertEquals(
        303,
        Outreach.submit(
                link,
                "option=" + URLEncoder.encode("Cap my spending at 50", StandardCharsets.UTF_8))
            .statusCode());
    JsonObject detail = Outreach.caseOf(key, playbook);
    assertEquals("RESOLVED", detail.getString("state"));
    assertEquals(
        "Cap my spending at 50",
        detail.getJsonArray("messages").getJsonObject(0).getString("option"));
    assertTrue(
        detail.getJsonArray("timeline").stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(s -> s.getString("note", "").contains("chose: Cap my spending at 50")),
        detail.toString());
  }

  @Test
  void aRemedyConfirmedByTheWebhooksAnswerLetsTheMessageGo() throws Exception {
    WireMockServer tenantSystem = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    tenantSystem.start();
    try {
      String key = Api.key("brightwheel-admin", "FULL");
      Outreach.openGuardrails(key);
      String run = UUID.randomUUID().toString().substring(0, 8);
      tenantSystem.stubFor(
          WireMock.post(WireMock.urlEqualTo("/remedies/" + run))
              .willReturn(WireMock.aResponse().withStatus(204)));
      Answer subscribed =
          Api.post(
              "/api/v1/webhook-subscriptions",
              key,
              "{\"url\":\"http://localhost:"
                  + tenantSystem.port()
                  + "/remedies/"
                  + run
                  + "\",\"description\":\"Remedies\",\"eventTypes\":[\"remedy.requested\"]}");
      assertEquals(201, subscribed.status(), subscribed.body());
      long template = Outreach.emailTemplate(key, "Recall booked " + run, VARIANTS);
      long playbook =
          Outreach.playbook(
              key,
              "Recall booked " + run,
              "PRE_EMPT",
              "recall.issued_" + run,
              template,
              ",\"remedy\":{\"action\":\"booked your car in for Tuesday 09:00\","
                  + "\"confirmBy\":\"WEBHOOK\"}");
      Outreach.customer(key, "RB-" + run, "rb." + run + "@example.com", "en");
      Outreach.event(key, "RB-" + run, "recall.issued_" + run);

      MimeMessage mail = Outreach.awaitMail(smtp.server(), "rb." + run);
      assertTrue(Outreach.text(mail).contains("booked your car in for Tuesday 09:00"));
      tenantSystem.verify(
          WireMock.postRequestedFor(WireMock.urlEqualTo("/remedies/" + run))
              .withRequestBody(WireMock.containing("\"action\":\"booked your car in"))
              .withHeader("webhook-signature", WireMock.matching("v1,.+")));
      assertTrue(
          Outreach.caseOf(key, playbook)
              .toString()
              .contains("The remedy was done: the tenant's system answered 204"));
    } finally {
      tenantSystem.stop();
    }
  }

  @Test
  void preEmptWaitsForTheRemedyThenTellsWhatWasDone() throws Exception {
    String key = Api.key("acme-admin", "FULL");
    Outreach.openGuardrails(key);
    String run = UUID.randomUUID().toString().substring(0, 8);
    long template = Outreach.emailTemplate(key, "Pre-empt " + run, VARIANTS);
    Answer noRemedy =
        Api.post(
            "/api/v1/playbooks",
            key,
            "{\"name\":\"No remedy "
                + run
                + "\",\"level\":\"PRE_EMPT\",\"trigger\":{\"conditions\":[{\"kind\":\"EVENT\","
                + "\"eventType\":\"x.y\"}]},\"remedy\":{\"confirmBy\":\"FAX\"}}");
    assertEquals(400, noRemedy.status(), noRemedy.body());
    assertTrue(noRemedy.body().contains("/remedy/confirmBy"), noRemedy.body());

    long playbook =
        Outreach.playbook(
            key,
            "Pre-empt " + run,
            "PRE_EMPT",
            "flight.cancelled_" + run,
            template,
            ",\"remedy\":{\"action\":\"rebooked you on LH 401 tomorrow at 07:10\","
                + "\"confirmBy\":\"API\"}");
    Outreach.customer(key, "PE-" + run, "pe." + run + "@example.com", "en");
    Outreach.event(key, "PE-" + run, "flight.cancelled_" + run);
    JsonObject waiting = Outreach.awaitMessage(key, playbook, "WAITING");
    long caseId = Outreach.caseOf(key, playbook).getJsonNumber("id").longValue();
    // A notice queued after it goes out: the dispatcher has passed over the waiting message.
    long notice =
        Outreach.emailTemplate(
            key,
            "Pre-empt notice " + run,
            "{\"en\":{\"subject\":\"A notice\",\"html\":\"<p>{{case.summary}}</p>\","
                + "\"text\":\"{{case.summary}}\"}}");
    Outreach.playbook(key, "Pre-empt notice " + run, "ALERT", "flight.delayed_" + run, notice, "");
    Outreach.customer(key, "PN-" + run, "pn." + run + "@example.com", "en");
    Outreach.event(key, "PN-" + run, "flight.delayed_" + run);
    Outreach.awaitMail(smtp.server(), "pn." + run);
    assertEquals(
        "WAITING",
        Outreach.caseOf(key, playbook).getJsonArray("messages").getJsonObject(0).getString("state"),
        waiting.toString());

    Answer bad =
        Api.post("/api/v1/cases/" + caseId + "/remedy", key, "{\"status\":\"maybe\",\"x\":1}");
    assertEquals(400, bad.status(), bad.body());
    assertTrue(bad.body().contains("/status") && bad.body().contains("/x"), bad.body());
    Answer foreign =
        Api.post(
            "/api/v1/cases/" + caseId + "/remedy",
            Api.key("globex-admin", "FULL"),
            "{\"status\":\"done\"}");
    assertEquals(404, foreign.status(), "another tenant cannot confirm it");
    Answer done =
        Api.post(
            "/api/v1/cases/" + caseId + "/remedy",
            key,
            "{\"status\":\"done\",\"note\":\"PNR X7K2\"}");
    assertEquals(200, done.status(), done.body());
    assertEquals(
        409,
        Api.post("/api/v1/cases/" + caseId + "/remedy", key, "{\"status\":\"done\"}").status());

    MimeMessage mail = Outreach.awaitMail(smtp.server(), "pe." + run);
    assertTrue(
        Outreach.text(mail).contains("Done for you: rebooked you on LH 401 tomorrow at 07:10"));
    String link = Outreach.link(mail);
    String page = Outreach.page(link).body();
    assertTrue(page.contains("Keep it") && page.contains("Undo it"), page);
    assertEquals(303, Outreach.submit(link, "answer=undo").statusCode());
    JsonObject detail = Outreach.caseOf(key, playbook);
    assertEquals("RESPONDED", detail.getString("state"));
    assertTrue(detail.toString().contains("The remedy was done: PNR X7K2"), detail.toString());
    assertTrue(
        detail.getJsonArray("tasks").stream()
            .anyMatch(t -> t.asJsonObject().getString("kind").equals("DECLINED_REMEDY")),
        "an undo goes to an agent: " + detail);
  }
}
