package io.forestall.outreach.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.testsupport.Api;
import io.forestall.testsupport.Api.Answer;
import io.forestall.testsupport.Deployments;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Templates through the API: strict bodies, publishing, previews; another tenant sees none. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TemplateApiIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.forestall();
  }

  private static String key(String admin) {
    return Api.key(admin, "FULL");
  }

  private static String sms(String name, String text) {
    return "{\"name\":\""
        + name
        + "\",\"channel\":\"SMS\",\"fallbackLocale\":\"en\",\"variants\":{\"en\":{\"text\":\""
        + text
        + "\"}}}";
  }

  private static long acmeCase(String key) {
    return Api.get("/api/v1/cases?customer=ACME-1002", key)
        .json()
        .getJsonArray("items")
        .getJsonObject(0)
        .getJsonNumber("id")
        .longValue();
  }

  @Test
  void templatesAreCreatedCheckedPublishedAndPreviewed() {
    String key = key("acme-admin");
    String name = "Bill shock SMS " + UUID.randomUUID().toString().substring(0, 6);

    Answer bad =
        Api.post(
            "/api/v1/templates",
            key,
            "{\"name\":\"x\",\"channel\":\"PIGEON\",\"colour\":\"red\",\"variants\":{\"en\":7}}");
    assertEquals(400, bad.status(), bad.body());
    for (String pointer : List.of("/channel", "/colour", "/variants/en")) {
      assertTrue(bad.body().contains(pointer), pointer + " in " + bad.body());
    }
    Answer badPart =
        Api.post(
            "/api/v1/templates",
            key,
            "{\"name\":\"x\",\"channel\":\"SMS\",\"variants\":{\"en\":{\"text\":1,\"subject\":\"s\"}}}");
    assertEquals(400, badPart.status(), badPart.body());
    assertTrue(badPart.body().contains("/variants/en/text"), badPart.body());
    assertTrue(badPart.body().contains("/variants/en/subject"), badPart.body());
    assertEquals(400, Api.post("/api/v1/templates", key, "{\"name\":").status());

    Answer created = Api.post("/api/v1/templates", key, sms(name, "Hi {{customer.nmae}}"));
    assertEquals(201, created.status(), created.body());
    long id = created.json().getJsonNumber("id").longValue();
    assertEquals(409, Api.post("/api/v1/templates", key, sms(name, "again")).status());

    Answer unknown = Api.post("/api/v1/templates/" + id + "/publish", key, "");
    assertEquals(400, unknown.status(), unknown.body());
    assertTrue(unknown.body().contains("/variants/en/text"), unknown.body());
    assertTrue(unknown.body().contains("customer.nmae"), unknown.body());

    Answer fixed =
        Api.put(
            "/api/v1/templates/" + id,
            key,
            sms(name, "Hi {{customer.firstName}}, your bill is {{evidence.recent}}"));
    assertEquals(200, fixed.status(), fixed.body());
    Answer published = Api.post("/api/v1/templates/" + id + "/publish", key, "");
    assertEquals(200, published.status(), published.body());
    assertEquals(1, published.json().getInt("number"));
    assertEquals(409, Api.post("/api/v1/templates/" + id + "/publish", key, "").status());
    assertEquals(
        1,
        Api.get("/api/v1/templates/" + id + "/versions", key).json().getJsonArray("items").size());

    JsonObject preview =
        Api.post("/api/v1/templates/" + id + "/preview/" + acmeCase(key), key, "").json();
    assertEquals("Hi Harry, your bill is 182.40", preview.getJsonObject("parts").getString("text"));

    String playbook =
        "{\"name\":\"Bill shock by SMS "
            + UUID.randomUUID()
            + "\",\"level\":\"%s\",\"schedule\":\"0 0 6 * * ?\",\"messages\":%s,"
            + "\"trigger\":{\"conditions\":[{\"kind\":\"EVENT\",\"eventType\":\"bill.issued\"}]}}";
    Answer wrongChannel =
        Api.post(
            "/api/v1/playbooks", key, String.format(playbook, "ALERT", "{\"EMAIL\":" + id + "}"));
    assertEquals(400, wrongChannel.status(), wrongChannel.body());
    assertTrue(wrongChannel.body().contains("is for SMS"), wrongChannel.body());
    Answer notSending =
        Api.post(
            "/api/v1/playbooks", key, String.format(playbook, "IGNORE", "{\"SMS\":" + id + "}"));
    assertEquals(400, notSending.status(), notSending.body());
    assertTrue(notSending.body().contains("/messages"), notSending.body());
    Answer badShape =
        Api.post(
            "/api/v1/playbooks",
            key,
            String.format(playbook, "ALERT", "{\"FAX\":1,\"SMS\":\"x\"}"));
    assertEquals(400, badShape.status(), badShape.body());
    assertTrue(badShape.body().contains("/messages/FAX"), badShape.body());
    assertTrue(badShape.body().contains("/messages/SMS"), badShape.body());
    Answer linked =
        Api.post(
            "/api/v1/playbooks", key, String.format(playbook, "ALERT", "{\"SMS\":" + id + "}"));
    assertEquals(201, linked.status(), linked.body());
    assertEquals(
        id,
        linked
            .json()
            .getJsonObject("draft")
            .getJsonObject("messages")
            .getJsonNumber("SMS")
            .longValue());

    String stranger = key("globex-admin");
    assertEquals(404, Api.get("/api/v1/templates/" + id, stranger).status());
    assertEquals(404, Api.put("/api/v1/templates/" + id, stranger, sms("x", "y")).status());
    assertEquals(404, Api.post("/api/v1/templates/" + id + "/publish", stranger, "").status());
    assertEquals(404, Api.get("/api/v1/templates/" + id + "/versions", stranger).status());
    long globexTemplate =
        Api.post("/api/v1/templates", stranger, sms("Mine " + UUID.randomUUID(), "Hallo"))
            .json()
            .getJsonNumber("id")
            .longValue();
    assertEquals(
        404,
        Api.post("/api/v1/templates/" + globexTemplate + "/preview/" + acmeCase(key), stranger, "")
            .status(),
        "another tenant's case");
    Answer foreign =
        Api.post(
            "/api/v1/playbooks",
            stranger,
            String.format(playbook, "ALERT", "{\"SMS\":" + id + "}"));
    assertEquals(400, foreign.status(), foreign.body());
    assertTrue(foreign.body().contains("there is no template " + id), foreign.body());
    assertTrue(
        Api.get("/api/v1/templates", stranger).json().getJsonArray("items").stream()
            .map(JsonValue::asJsonObject)
            .noneMatch(t -> t.getString("name").equals(name)));
    assertEquals(
        403,
        Api.post("/api/v1/templates", Api.token("acme-viewer"), sms("v", "v")).status(),
        "viewers read, admins write");
  }
}
