package io.forestall.outreach.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.testsupport.Api;
import io.forestall.testsupport.Api.Answer;
import io.forestall.testsupport.Deployments;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Channel settings through the API: strict bodies that store nothing when wrong, a write-only SMS
 * token that no answer ever shows, and each tenant reading and changing only its own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChannelSettingsApiIT {

  private static final String PATH = "/api/v1/settings/channels";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.forestall();
  }

  @Test
  void badInputIsNamedFieldByFieldAndNothingIsStored() {
    String key = Api.key("brightwheel-admin", "FULL");
    Answer before = Api.get(PATH, key);
    assertEquals(200, before.status(), before.body());

    Answer unknown =
        Api.put(
            PATH,
            key,
            "{\"smsEnabled\":\"yes\",\"smsSenderId\":7,\"smsAuthToken\":[1],\"colour\":\"red\"}");
    assertEquals(400, unknown.status(), unknown.body());
    for (String pointer : List.of("/smsEnabled", "/smsSenderId", "/smsAuthToken", "/colour")) {
      assertTrue(unknown.body().contains("\"" + pointer + "\""), pointer + " in " + unknown.body());
    }

    Answer broken =
        Api.put(
            PATH,
            key,
            "{\"emailSenderName\":\"Brightwheel\",\"emailFromAddress\":\"not an address\","
                + "\"emailReplyTo\":\"Help <help@brightwheel.example>\",\"smsEnabled\":true,"
                + "\"smsProviderUrl\":\"ftp://sms.example.com/send\","
                + "\"smsSenderId\":\"Brightwheel Garages\",\"smsAuthToken\":\"tok en\"}");
    assertEquals(400, broken.status(), broken.body());
    assertTrue(broken.contentType().startsWith("application/problem+json"), broken.contentType());
    for (String pointer :
        List.of(
            "/emailFromAddress",
            "/emailReplyTo",
            "/smsProviderUrl",
            "/smsSenderId",
            "/smsAuthToken")) {
      assertTrue(broken.body().contains("\"" + pointer + "\""), pointer + " in " + broken.body());
    }
    assertFalse(broken.body().contains("\"/emailSenderName\""), broken.body());

    Answer incomplete = Api.put(PATH, key, "{\"smsEnabled\":true}");
    assertEquals(400, incomplete.status(), incomplete.body());
    assertTrue(incomplete.body().contains("is required to send SMS"), incomplete.body());

    assertEquals(400, Api.put(PATH, key, "{\"smsEnabled\":").status());
    assertEquals(400, Api.put(PATH, key, "[]").status());
    assertEquals(before.json(), Api.get(PATH, key).json(), "nothing was stored");
  }

  @Test
  @Tag("security")
  void aProviderInsideOurNetworkIsRefusedWithTheField() {
    String key = Api.key("brightwheel-admin", "FULL");
    String before = Api.get(PATH, key).body();
    for (String url :
        List.of(
            "http://169.254.169.254/latest/meta-data/",
            "http://127.0.0.1:9990/metrics",
            "http://0x7f000002:40000/sms",
            "http://[::1]/sms",
            "http://192.168.0.10/sms")) {
      Answer refused =
          Api.put(
              PATH,
              key,
              "{\"smsEnabled\":true,\"smsProviderUrl\":\""
                  + url
                  + "\",\"smsSenderId\":\"Bright\",\"smsAuthToken\":\"tok-1\"}");
      assertEquals(400, refused.status(), url + " -> " + refused.body());
      assertTrue(refused.body().contains("\"/smsProviderUrl\""), refused.body());
    }
    assertEquals(before, Api.get(PATH, key).body(), "nothing stored");
  }

  @Test
  void theTokenIsWriteOnlyAndEachTenantSeesOnlyItsOwnSettings() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String acme = Api.key("acme-admin", "FULL");
    String globex = Api.key("globex-admin", "FULL");
    String token = "tok-acme-" + run;
    String url = "https://sms.example.invalid/acme-" + run;

    Answer saved =
        Api.put(
            PATH,
            acme,
            "{\"emailSenderName\":\"Acme Care "
                + run
                + "\",\"emailFromAddress\":\"care@acme.example\",\"smsEnabled\":true,"
                + "\"smsProviderUrl\":\""
                + url
                + "\",\"smsSenderId\":\"AcmeTel\",\"smsAuthToken\":\""
                + token
                + "\"}");
    assertEquals(200, saved.status(), saved.body());
    assertTrue(saved.json().getBoolean("smsAuthTokenSet"));
    assertFalse(saved.body().contains(token), "the token is never answered");
    JsonObject read = Api.get(PATH, acme).json();
    assertEquals(url, read.getString("smsProviderUrl"));
    assertEquals("AcmeTel", read.getString("smsSenderId"));
    assertTrue(read.getBoolean("smsAuthTokenSet"));
    assertFalse(read.toString().contains(token));
    assertFalse(read.containsKey("smsAuthToken"));

    Answer kept =
        Api.put(
            PATH,
            acme,
            "{\"emailSenderName\":\"Acme Care "
                + run
                + "\",\"smsEnabled\":true,\"smsProviderUrl\":\""
                + url
                + "\",\"smsSenderId\":\"+447700900123\"}");
    assertEquals(200, kept.status(), kept.body());
    assertTrue(kept.json().getBoolean("smsAuthTokenSet"), "no smsAuthToken keeps the token");
    assertTrue(kept.json().isNull("emailFromAddress"), "a PUT replaces the other fields");

    JsonObject theirs = Api.get(PATH, globex).json();
    assertFalse(theirs.toString().contains(run), "globex does not read acme's: " + theirs);
    Answer globexSaved =
        Api.put(PATH, globex, "{\"emailSenderName\":\"Globex Service " + run + "\"}");
    assertEquals(200, globexSaved.status(), globexSaved.body());
    assertFalse(globexSaved.json().getBoolean("smsAuthTokenSet"));
    JsonObject ours = Api.get(PATH, acme).json();
    assertEquals(
        "Acme Care " + run, ours.getString("emailSenderName"), "globex changed only its own");
    assertEquals(url, ours.getString("smsProviderUrl"));
    assertTrue(ours.getBoolean("smsAuthTokenSet"));

    assertEquals(403, Api.get(PATH, Api.token("acme-viewer")).status());
    assertEquals(403, Api.get(PATH, Api.token("acme-agent")).status());
    assertEquals(403, Api.put(PATH, Api.token("acme-agent"), "{}").status());
    assertEquals(401, Api.get(PATH, null).status());

    Answer cleared =
        Api.put(
            PATH, acme, "{\"smsEnabled\":false,\"smsAuthToken\":null,\"smsAuthTokenSet\":true}");
    assertEquals(200, cleared.status(), cleared.body());
    assertFalse(cleared.json().getBoolean("smsAuthTokenSet"), "null clears the token");
    assertFalse(cleared.json().getBoolean("smsEnabled"));
    assertEquals(200, Api.put(PATH, globex, "{}").status());
  }
}
