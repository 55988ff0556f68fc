package io.forestall.offers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.testsupport.Api;
import io.forestall.testsupport.Api.Answer;
import io.forestall.testsupport.Deployments;
import io.forestall.testsupport.Outreach;
import io.forestall.testsupport.Smtp;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Offers end to end: a catalogue entry with eligibility rules, attached to a playbook, shown in the
 * email and on the action page only to eligible customers, clicked through a counted link and
 * accepted with its revenue; bad offers are refused and other tenants see none.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OffersIT {

  @RegisterExtension static Smtp smtp = new Smtp();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.forestall();
  }

  @Test
  void anEligibleCustomerSeesClicksAndAcceptsTheOffer() throws Exception {
    String key = Api.key("acme-admin", "FULL");
    Outreach.openGuardrails(key);
    String run = UUID.randomUUID().toString().substring(0, 8);
    Answer created =
        Api.post(
            "/api/v1/offers",
            key,
            "{\"title\":\"Unlimited data "
                + run
                + "\",\"description\":\"Never count megabytes again.\","
                + "\"link\":\"https://acme.example.com/unlimited\","
                + "\"eligibility\":[{\"attribute\":\"segment\",\"operator\":\"EQ\",\"value\":\"consumer\"}],"
                + "\"revenue\":120.00,\"currency\":\"GBP\"}");
    assertEquals(201, created.status(), created.body());
    long offer = created.json().getJsonNumber("id").longValue();

    long template =
        Outreach.emailTemplate(
            key,
            "Offer mail " + run,
            "{\"en\":{\"subject\":\"Your usage, {{customer.firstName}}\","
                + "\"html\":\"<p>Hi</p>{{#offer}}<p>{{title}}: <a href=\\\"{{link}}\\\">see</a></p>{{/offer}}\","
                + "\"text\":\"Hi. {{#offer}}OFFER {{title}} {{link}} {{/offer}}Answer: {{links.action}}\"}}");
    long playbook =
        Outreach.playbook(
            key, "Offer " + run, "ALERT", "usage.high_" + run, template, ",\"offer\":" + offer);
    Answer noSuchOffer =
        Api.post(
            "/api/v1/playbooks",
            key,
            "{\"name\":\"Bad offer "
                + run
                + "\",\"level\":\"ALERT\",\"offer\":999999,\"trigger\":{\"conditions\":"
                + "[{\"kind\":\"EVENT\",\"eventType\":\"x.y\"}]}}");
    assertEquals(400, noSuchOffer.status(), noSuchOffer.body());
    assertTrue(noSuchOffer.body().contains("/offer"), noSuchOffer.body());

    customer(key, "OF-YES-" + run, "of.yes." + run + "@example.com", "consumer");
    customer(key, "OF-NO-" + run, "of.no." + run + "@example.com", "business");
    Outreach.event(key, "OF-YES-" + run, "usage.high_" + run);
    Outreach.event(key, "OF-NO-" + run, "usage.high_" + run);

    String eligible = Outreach.text(Outreach.awaitMail(smtp.server(), "of.yes." + run));
    String other = Outreach.text(Outreach.awaitMail(smtp.server(), "of.no." + run));
    assertTrue(eligible.contains("OFFER Unlimited data " + run), eligible);
    assertFalse(other.contains("OFFER"), "a business customer is not eligible: " + other);

    String link = Outreach.link(Outreach.awaitMail(smtp.server(), "of.yes." + run));
    String page = Outreach.page(link).body();
    assertTrue(page.contains("Never count megabytes again."), page);
    assertFalse(
        Outreach.page(Outreach.link(Outreach.awaitMail(smtp.server(), "of.no." + run)))
            .body()
            .contains("id=\"offer\""));

    HttpResponse<String> click = Outreach.page(link + "/offer");
    assertEquals(302, click.statusCode());
    assertEquals(
        "https://acme.example.com/unlimited", click.headers().firstValue("Location").orElseThrow());
    assertEquals(303, Outreach.submit(link, "offer=accept").statusCode());
    assertEquals(303, Outreach.submit(link, "offer=accept").statusCode(), "once is enough");
    assertTrue(Outreach.page(link).body().contains("id=\"offerAccepted\""));

    JsonObject funnel = Api.get("/api/v1/offers/" + offer, key).json().getJsonObject("funnel");
    assertEquals(1, funnel.getInt("shown"), funnel.toString());
    assertEquals(1, funnel.getInt("clicked"));
    assertEquals(1, funnel.getInt("accepted"));
    assertEquals(
        0,
        funnel
            .getJsonNumber("revenue")
            .bigDecimalValue()
            .compareTo(new java.math.BigDecimal("120")));
    long caseId =
        Api.get("/api/v1/cases?playbook=" + playbook + "&customer=OF-YES-" + run, key)
            .json()
            .getJsonArray("items")
            .getJsonObject(0)
            .getJsonNumber("id")
            .longValue();
    JsonObject detail = Api.get("/api/v1/cases/" + caseId, key).json();
    assertTrue(
        detail.toString().contains("accepted the offer Unlimited data " + run), detail.toString());

    Answer delete = Api.delete("/api/v1/offers/" + offer, key);
    assertEquals(409, delete.status(), "a shown offer keeps its history: " + delete.body());
  }

  @Test
  void badOffersAreRefusedAndOtherTenantsSeeNone() {
    String key = Api.key("acme-admin", "FULL");
    String run = UUID.randomUUID().toString().substring(0, 8);
    Answer bad =
        Api.post(
            "/api/v1/offers",
            key,
            "{\"title\":\"\",\"description\":\"x\",\"link\":\"ftp://nowhere\",\"validFrom\":\"2027-01-01T00:00:00Z\","
                + "\"validUntil\":\"2026-01-01T00:00:00Z\",\"eligibility\":[{\"attribute\":\"a b\",\"operator\":\"GT\",\"value\":\"ten\"}],"
                + "\"revenue\":-1,\"currency\":\"EURO\",\"colour\":\"red\"}");
    assertEquals(400, bad.status(), bad.body());
    assertTrue(bad.body().contains("/colour"), bad.body());
    Answer worse =
        Api.post(
            "/api/v1/offers",
            key,
            "{\"title\":\"\",\"description\":\"x\",\"link\":\"ftp://nowhere\",\"validFrom\":\"2027-01-01T00:00:00Z\","
                + "\"validUntil\":\"2026-01-01T00:00:00Z\",\"eligibility\":[{\"attribute\":\"a b\",\"operator\":\"GT\",\"value\":\"ten\"}],"
                + "\"revenue\":-1,\"currency\":\"EURO\"}");
    assertEquals(400, worse.status(), worse.body());
    for (String pointer :
        new String[] {
          "/title",
          "/link",
          "/validUntil",
          "/eligibility/0/attribute",
          "/eligibility/0/value",
          "/revenue",
          "/currency"
        }) {
      assertTrue(worse.body().contains(pointer), pointer + " in " + worse.body());
    }
    assertEquals(400, Api.post("/api/v1/offers", key, "[1,2]").status());
    assertEquals(400, Api.post("/api/v1/offers", key, "{\"revenue\":\"lots\"}").status());

    long offer =
        Api.post(
                "/api/v1/offers",
                key,
                "{\"title\":\"Loyalty "
                    + run
                    + "\",\"description\":\"Thanks\",\"link\":\"https://acme.example.com/l\","
                    + "\"revenue\":0,\"currency\":\"GBP\"}")
            .json()
            .getJsonNumber("id")
            .longValue();
    String globex = Api.key("globex-admin", "FULL");
    assertEquals(404, Api.get("/api/v1/offers/" + offer, globex).status());
    assertEquals(
        404,
        Api.put(
                "/api/v1/offers/" + offer,
                globex,
                "{\"title\":\"x\",\"description\":\"x\",\"link\":\"https://x.example\",\"revenue\":1,\"currency\":\"EUR\"}")
            .status());
    assertEquals(404, Api.delete("/api/v1/offers/" + offer, globex).status());
    assertTrue(
        Api.get("/api/v1/offers", globex).json().getJsonArray("items").stream()
            .map(JsonValue::asJsonObject)
            .noneMatch(o -> o.getString("title").contains(run)));
    String viewer = Api.token("acme-viewer");
    assertEquals(200, Api.get("/api/v1/offers/" + offer, viewer).status());
    assertEquals(403, Api.delete("/api/v1/offers/" + offer, viewer).status());
    assertEquals(204, Api.delete("/api/v1/offers/" + offer, key).status(), "never shown: removed");
  }

  private static void customer(String key, String id, String email, String segment) {
    Answer saved =
        Api.post(
            "/api/v1/customers",
            key,
            "{\"externalId\":\""
                + id
                + "\",\"name\":\"Nora Quinn\",\"email\":\""
                + email
                + "\",\"attributes\":{\"segment\":\""
                + segment
                + "\"},\"consent\":{\"email\":true}}");
    assertTrue(saved.status() < 300, saved.body());
  }
}
