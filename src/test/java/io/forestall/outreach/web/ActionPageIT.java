package io.forestall.outreach.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.testsupport.Api;
import io.forestall.testsupport.Deployments;
import io.forestall.testsupport.Outreach;
import io.forestall.testsupport.Smtp;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The customer's side, over plain HTTP as their browser would: the email's link opens the action
 * page in their language, an answer moves the case and is told once, a score and an opt-out are
 * recorded and honoured at once, and forged, cut or foreign links get a clear page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ActionPageIT {

  @RegisterExtension static Smtp smtp = new Smtp();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.forestall();
  }

  @Test
  void theCustomerAnswersOnTheActionPageAndTheCaseMoves() throws Exception {
    String key = Api.key("acme-admin", "FULL");
    String run = UUID.randomUUID().toString().substring(0, 8);
    long playbook = playbook(key, run, "ALERT");
    String customer = "AP-" + run;
    Outreach.customer(key, customer, "ap." + run + "@example.com", "de-DE");
    Outreach.event(key, customer, "parcel.late_" + run);

    MimeMessage mail = Outreach.awaitMail(smtp.server(), "ap." + run);
    String link = Outreach.link(mail);
    assertTrue(
        mail.getHeader("List-Unsubscribe")[0].contains(link + "/opt-out"),
        "the email offers a one-click opt-out");
    assertEquals("List-Unsubscribe=One-Click", mail.getHeader("List-Unsubscribe-Post")[0]);

    HttpResponse<String> page = Outreach.page(link);
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("Ihr Paket kommt später, Nora"), page.body());
    assertTrue(page.body().contains("Ja, das löst es"), "in the customer's language");
    assertTrue(page.body().contains("Acme"), "in the tenant's dress");

    JsonObject message = Outreach.caseOf(key, playbook).getJsonArray("messages").getJsonObject(0);
    assertTrue(
        message.containsKey("openedAt") && message.containsKey("clickedAt"), message.toString());

    HttpResponse<String> bad = Outreach.submit(link, "answer=maybe");
    assertEquals(400, bad.statusCode());
    assertTrue(
        bad.body().contains("Diese Antwort bietet die Seite nicht an")
            || bad.body().contains("not one this page offers"),
        bad.body());

    HttpResponse<String> accepted = Outreach.submit(link, "answer=accept");
    assertEquals(303, accepted.statusCode());
    assertEquals(
        "/r/" + link.substring(link.lastIndexOf('/') + 1),
        accepted.headers().firstValue("Location").orElseThrow());
    assertEquals(
        303,
        Outreach.submit(link, "answer=decline").statusCode(),
        "a second answer changes nothing");
    JsonObject detail = Outreach.caseOf(key, playbook);
    assertEquals("RESOLVED", detail.getString("state"));
    message = detail.getJsonArray("messages").getJsonObject(0);
    assertEquals("ACCEPT", message.getString("answer"));
    assertTrue(
        detail.getJsonArray("timeline").stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(
                s ->
                    s.getString("state").equals("RESPONDED")
                        && s.getString("note").contains("accepted")),
        detail.toString());

    HttpResponse<String> after = Outreach.page(link);
    assertTrue(after.body().contains("id=\"answered\""), "the page remembers the answer");
    assertTrue(after.body().contains("id=\"csat\""), "and asks for a score");
    assertEquals(303, Outreach.submit(link, "csat=4").statusCode());
    assertEquals(400, Outreach.submit(link, "csat=9").statusCode());
    assertEquals(
        4, Outreach.caseOf(key, playbook).getJsonArray("messages").getJsonObject(0).getInt("csat"));
  }

  @Test
  void anOptOutIsHonouredAtOnceAndCanBeUndone() throws Exception {
    String key = Api.key("acme-admin", "FULL");
    String run = UUID.randomUUID().toString().substring(0, 8);
    playbook(key, run, "ALERT");
    String customer = "AO-" + run;
    Outreach.customer(key, customer, "ao." + run + "@example.com", "en");
    Outreach.event(key, customer, "parcel.late_" + run);
    String link = Outreach.link(Outreach.awaitMail(smtp.server(), "ao." + run));

    HttpResponse<String> asked = Outreach.page(link + "/opt-out");
    assertEquals(200, asked.statusCode(), "opening the link asks, since mail scanners open links");
    assertTrue(asked.body().contains("id=\"confirmOptOut\""), asked.body());
    assertTrue(consent(key, customer), "opening the link changed nothing");
    HttpResponse<String> optOut = Outreach.submit(link + "/opt-out", "");
    assertEquals(303, optOut.statusCode());
    assertTrue(Outreach.page(link).body().contains("You will not get emails like this"));
    assertFalse(consent(key, customer), "the opt-out holds at once");

    long second = playbook(key, run + "b", "ALERT");
    Outreach.event(key, customer, "parcel.late_" + run + "b");
    JsonObject skipped = Outreach.awaitMessage(key, second, "SKIPPED");
    assertTrue(skipped.getString("reason").contains("not agreed to email"), skipped.toString());

    assertEquals(303, Outreach.submit(link, "consent=yes").statusCode());
    assertTrue(consent(key, customer));
    HttpResponse<String> oneClick =
        Outreach.submit(link + "/opt-out", "List-Unsubscribe=One-Click");
    assertEquals(303, oneClick.statusCode(), "RFC 8058 one-click from the mail client");
    assertFalse(consent(key, customer));
  }

  @Test
  void forgedCutExpiredAndForeignLinksGetAClearPage() throws Exception {
    String key = Api.key("globex-admin", "FULL");
    String run = UUID.randomUUID().toString().substring(0, 8);
    playbook(key, run, "ALERT");
    String customer = "AX-" + run;
    Outreach.customer(key, customer, "ax." + run + "@example.com", "en");
    Outreach.event(key, customer, "parcel.late_" + run);
    String link = Outreach.link(Outreach.awaitMail(smtp.server(), "ax." + run));
    String token = link.substring(link.lastIndexOf('/') + 1);
    String payload = token.substring(0, token.indexOf('.'));
    String tag = token.substring(token.indexOf('.'));

    HttpResponse<String> forged =
        Outreach.page(
            link.substring(0, link.length() - 3) + (link.endsWith("AAA") ? "BBB" : "AAA"));
    assertEquals(403, forged.statusCode());
    assertTrue(forged.body().contains("This link is not valid"), forged.body());

    String claims = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
    String asAcme = encode(claims.replaceFirst("^globex:", "acme:")) + tag;
    HttpResponse<String> foreign = Outreach.page(Api.PUBLIC + "/r/" + asAcme);
    assertEquals(403, foreign.statusCode(), "a token cannot be moved to another tenant");

    String[] parts = claims.split(":");
    String expired =
        encode(parts[0] + ":" + parts[1] + ":" + Instant.now().minusSeconds(60).getEpochSecond())
            + tag;
    assertEquals(403, Outreach.page(Api.PUBLIC + "/r/" + expired).statusCode(), "nor re-dated");

    HttpResponse<String> cut = Outreach.page(link.substring(0, link.length() - 10));
    assertEquals(400, cut.statusCode());
    assertTrue(cut.body().contains("This link is not complete"), cut.body());
    assertEquals(400, Outreach.page(Api.PUBLIC + "/r/").statusCode());
    assertEquals(
        400, Outreach.submit(Api.PUBLIC + "/r/" + token + "/open.gif", "x=1").statusCode());
    HttpResponse<String> pixel = Outreach.page(Api.PUBLIC + "/r/nonsense/open.gif");
    assertEquals(200, pixel.statusCode(), "a broken pixel stays an image");
    assertFalse(forged.body().contains("Exception"));
  }

  private static String encode(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static long playbook(String key, String run, String level) {
    Outreach.openGuardrails(key);
    long template =
        Outreach.emailTemplate(
            key,
            "Late parcel " + run,
            "{\"en\":{\"subject\":\"Your parcel is late, {{customer.firstName}}\","
                + "\"html\":\"<p><a href=\\\"{{links.action}}\\\">Tell us</a></p>\","
                + "\"text\":\"We are sorry.\\n\\nTell us: {{links.action}}\"},"
                + "\"de\":{\"subject\":\"Ihr Paket kommt später, {{customer.firstName}}\","
                + "\"html\":\"<p><a href=\\\"{{links.action}}\\\">Antworten</a></p>\","
                + "\"text\":\"Es tut uns leid.\\n\\nAntworten: {{links.action}}\"}}");
    return Outreach.playbook(key, "Late parcel " + run, level, "parcel.late_" + run, template, "");
  }

  private static boolean consent(String key, String customer) {
    return Api.get("/api/v1/customers/" + customer, key)
        .json()
        .getJsonObject("consent")
        .getBoolean("email");
  }
}
