package io.forestall.outreach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.testsupport.Api;
import io.forestall.testsupport.Api.Answer;
import io.forestall.testsupport.Deployments;
import io.forestall.testsupport.Outreach;
import io.forestall.testsupport.Smtp;
import io.forestall.testsupport.Wait;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An ALERT playbook with an email template, end to end through a real SMTP server (GreenMail): the
 * consenting customer gets exactly one email in their language, the others' cases say why they got
 * none, and a re-run sends nothing more.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OutboxDispatchIT {

  @RegisterExtension static Smtp smtp = new Smtp();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.forestall();
  }

  private static String customer(String id, String email, boolean consent, String locale) {
    return "{\"externalId\":\""
        + id
        + "\",\"name\":\"Nora Quinn\",\"locale\":\""
        + locale
        + "\""
        + (email == null ? "" : ",\"email\":\"" + email + "\"")
        + ",\"consent\":{\"email\":"
        + consent
        + ",\"sms\":false}}";
  }

  @Test
  void theConsentingCustomerGetsOneEmailAndTheOthersCasesSayWhyNot() throws Exception {
    String key = Api.key("acme-admin", "FULL");
    guardrails(key, "00:00", "00:00", 50, 1);
    String run = UUID.randomUUID().toString().substring(0, 8);
    String type = "outage.started_" + run;

    long template =
        Api.post(
                "/api/v1/templates",
                key,
                "{\"name\":\"Outage "
                    + run
                    + "\",\"channel\":\"EMAIL\",\"fallbackLocale\":\"en\",\"variants\":{"
                    + "\"en\":{\"subject\":\"We know about the outage, {{customer.firstName}}\","
                    + "\"html\":\"<p>{{evidence.summary}}</p>\",\"text\":\"{{evidence.summary}}\"},"
                    + "\"de\":{\"subject\":\"Wir kennen die Störung, {{customer.firstName}}\","
                    + "\"html\":\"<p>{{evidence.summary}}</p>\",\"text\":\"{{evidence.summary}}\"}}}")
            .json()
            .getJsonNumber("id")
            .longValue();
    assertEquals(200, Api.post("/api/v1/templates/" + template + "/publish", key, "").status());
    long id = Outreach.playbook(key, "Outage " + run, "ALERT", type, template, "");

    Map<String, String> customers = new HashMap<>();
    customers.put(
        "OUT-YES-" + run,
        customer("OUT-YES-" + run, "nora." + run + "@example.com", true, "de-DE"));
    customers.put(
        "OUT-NO-" + run, customer("OUT-NO-" + run, "no." + run + "@example.com", false, "en"));
    customers.put("OUT-NONE-" + run, customer("OUT-NONE-" + run, null, true, "en"));
    for (Map.Entry<String, String> c : customers.entrySet()) {
      assertTrue(Api.post("/api/v1/customers", key, c.getValue()).status() < 300);
      Outreach.event(key, c.getKey(), type);
    }

    Map<String, JsonObject> byCustomer = awaitSettled(key, id, 3);
    List<MimeMessage> received = receivedBy(run);
    assertEquals(1, received.size(), "only the consenting customer gets mail");
    assertEquals("Wir kennen die Störung, Nora", received.get(0).getSubject());
    assertEquals("nora." + run + "@example.com", received.get(0).getAllRecipients()[0].toString());
    assertTrue(received.get(0).getMessageID().startsWith("<fs-"), received.get(0).getMessageID());

    JsonObject yes = byCustomer.get("OUT-YES-" + run);
    assertEquals("CONTACTED", yes.getString("state"));
    assertEquals("SENT", yes.getJsonArray("messages").getJsonObject(0).getString("state"));
    JsonObject no = byCustomer.get("OUT-NO-" + run).getJsonArray("messages").getJsonObject(0);
    assertEquals("SKIPPED", no.getString("state"));
    assertTrue(no.getString("reason").contains("not agreed"), no.toString());
    JsonObject none = byCustomer.get("OUT-NONE-" + run).getJsonArray("messages").getJsonObject(0);
    assertTrue(none.getString("reason").contains("no email address"), none.toString());

    // Messages are queued only in the transaction that opens their case: a re-run that opens none
    // queues nothing, so the dispatcher has nothing more to send.
    Answer rerun = Api.post("/api/v1/playbooks/" + id + "/scan", key, "");
    assertEquals(200, rerun.status(), rerun.body());
    assertEquals(0, rerun.json().getInt("created"), rerun.body());
    Map<String, JsonObject> after = awaitSettled(key, id, 3);
    after.forEach(
        (customer, detail) ->
            assertEquals(1, detail.getJsonArray("messages").size(), customer + ": " + detail));
    assertEquals(1, receivedBy(run).size(), "a re-run sends nothing more");
  }

  @Test
  void theTenantsSenderSettingsWinOverThePlatformDefault() throws Exception {
    String key = Api.key("acme-admin", "FULL");
    guardrails(key, "00:00", "00:00", 50, 1);
    String run = UUID.randomUUID().toString().substring(0, 8);
    Answer sender =
        Api.put(
            "/api/v1/settings/channels",
            key,
            "{\"emailSenderName\":\"Acme Care\",\"emailFromAddress\":\"care@acme.example\","
                + "\"emailReplyTo\":\"help@acme.example\"}");
    assertEquals(200, sender.status(), sender.body());
    try {
      long template = publishedTemplate(key, "Sender " + run);
      long id =
          Outreach.playbook(key, "Sender " + run, "ALERT", "sender.test_" + run, template, "");
      String customer = "OUT-FROM-" + run;
      Api.post(
          "/api/v1/customers", key, customer(customer, "from." + run + "@example.com", true, "en"));
      Outreach.event(key, customer, "sender.test_" + run);
      awaitSettled(key, id, 1);
      MimeMessage mail = receivedBy(run).get(0);
      assertEquals("Acme Care <care@acme.example>", mail.getFrom()[0].toString());
      assertEquals("help@acme.example", mail.getReplyTo()[0].toString());
    } finally {
      Api.put("/api/v1/settings/channels", key, "{\"smsAuthToken\":null}");
    }
  }

  /** The mail GreenMail received for this run's addresses. */
  private static List<MimeMessage> receivedBy(String run) throws Exception {
    List<MimeMessage> mine = new ArrayList<>();
    for (MimeMessage m : smtp.server().getReceivedMessages()) {
      if (m.getAllRecipients()[0].toString().contains(run)) {
        mine.add(m);
      }
    }
    return mine;
  }

  @Test
  void quietHoursAndTheFrequencyCapDelayMessagesAndSayWhy() throws Exception {
    String key = Api.key("brightwheel-admin", "FULL");
    Answer bad =
        Api.put(
            "/api/v1/settings/outreach",
            key,
            "{\"quietStart\":\"25:00\",\"quietEnd\":\"08:00\",\"capMessages\":0,\"capDays\":7,"
                + "\"x\":1}");
    assertEquals(400, bad.status(), bad.body());
    assertTrue(bad.body().contains("/quietStart") && bad.body().contains("/x"), bad.body());
    LocalTime now = LocalTime.now(ZoneId.of("Europe/London"));
    guardrails(
        key,
        now.minusHours(1).withSecond(0).withNano(0).toString(),
        now.plusHours(1).withSecond(0).withNano(0).toString(),
        50,
        7);
    String run = UUID.randomUUID().toString().substring(0, 8);
    long template = publishedTemplate(key, "Service " + run);
    long first = Outreach.playbook(key, "Due " + run, "ALERT", "service.due_" + run, template, "");
    String late = "BW-Q-" + run;
    Api.post("/api/v1/customers", key, customer(late, "q." + run + "@example.com", true, "en"));
    Outreach.event(key, late, "service.due_" + run);
    JsonObject quiet = awaitMessage(key, first, "QUEUED");
    assertTrue(
        quiet.getString("reason").startsWith("quiet hours in Europe/London until"),
        quiet.toString());

    guardrails(key, "00:00", "00:00", 1, 7);
    long second =
        Outreach.playbook(key, "Recall " + run, "ALERT", "service.recall_" + run, template, "");
    String capped = "BW-C-" + run;
    Api.post("/api/v1/customers", key, customer(capped, "c." + run + "@example.com", true, "en"));
    Outreach.event(key, capped, "service.due_" + run);
    assertEquals("SENT", awaitMessage(key, first, "SENT").getString("state"));
    Outreach.event(key, capped, "service.recall_" + run);
    JsonObject held = awaitMessage(key, second, "QUEUED");
    assertTrue(
        held.getString("reason").startsWith("frequency cap: 1 messages in 7 days"),
        held.toString());
  }

  private static void guardrails(String key, String start, String end, int cap, int days) {
    Answer saved =
        Api.put(
            "/api/v1/settings/outreach",
            key,
            "{\"quietStart\":\""
                + start
                + "\",\"quietEnd\":\""
                + end
                + "\",\"capMessages\":"
                + cap
                + ",\"capDays\":"
                + days
                + "}");
    assertEquals(200, saved.status(), saved.body());
  }

  private static long publishedTemplate(String key, String name) {
    long id =
        Api.post(
                "/api/v1/templates",
                key,
                "{\"name\":\""
                    + name
                    + "\",\"channel\":\"EMAIL\",\"variants\":{\"en\":{\"subject\":"
                    + "\"Hello {{customer.firstName}}\",\"html\":\"<p>{{case.summary}}</p>\","
                    + "\"text\":\"{{case.summary}}\"}}}")
            .json()
            .getJsonNumber("id")
            .longValue();
    assertEquals(200, Api.post("/api/v1/templates/" + id + "/publish", key, "").status());
    return id;
  }

  /** The playbook's first message once it is in {@code state} (with a reason when held back). */
  private static JsonObject awaitMessage(String key, long playbook, String state) {
    Predicate<JsonObject> done =
        m ->
            m.getString("state").equals(state) && (state.equals("SENT") || m.containsKey("reason"));
    return Wait.until(
            "a message of playbook " + playbook + " is " + state,
            Duration.ofSeconds(30),
            () -> {
              List<JsonObject> messages = new ArrayList<>();
              for (JsonValue item :
                  Api.get("/api/v1/cases?playbook=" + playbook, key).json().getJsonArray("items")) {
                Api.get("/api/v1/cases/" + item.asJsonObject().getJsonNumber("id"), key)
                    .json()
                    .getJsonArray("messages")
                    .forEach(m -> messages.add(m.asJsonObject()));
              }
              return messages;
            },
            messages -> messages.stream().anyMatch(done))
        .stream()
        .filter(done)
        .findFirst()
        .orElseThrow();
  }

  /** The playbook's cases with their messages, once every message is sent or skipped. */
  private static Map<String, JsonObject> awaitSettled(String key, long playbook, int expected) {
    return Wait.until(
        "the messages of the " + expected + " cases of playbook " + playbook + " are settled",
        Duration.ofSeconds(30),
        () -> {
          Map<String, JsonObject> settled = new HashMap<>();
          for (JsonValue item :
              Api.get("/api/v1/cases?playbook=" + playbook, key).json().getJsonArray("items")) {
            JsonObject detail =
                Api.get("/api/v1/cases/" + item.asJsonObject().getJsonNumber("id"), key).json();
            var messages = detail.getJsonArray("messages");
            if (!messages.isEmpty()
                && !messages.getJsonObject(0).getString("state").matches("QUEUED|SENDING|HANDED")) {
              settled.put(detail.getJsonObject("customer").getString("externalId"), detail);
            }
          }
          return settled;
        },
        settled -> settled.size() == expected);
  }
}
