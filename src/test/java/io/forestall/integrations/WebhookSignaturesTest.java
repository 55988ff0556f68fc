package io.forestall.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Outbound signing against fixed vectors worked out without Forestall's code, and the bounds on
 * what one inbound delivery may make the server compute.
 */
class WebhookSignaturesTest {

  /** The example of the Standard Webhooks specification's reference libraries. */
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long TIMESTAMP = 1614265330L;
  private static final String BODY = "{\"test\": 2432232314}";

  @Test
  void signsTheStandardWebhooksExample() {
    assertEquals(
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        WebhookSignatures.sign(
            WebhookSignatures.key(SECRET), ID, TIMESTAMP, BODY.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void signsWhatAPlainHmacOfIdTimestampAndBodyGives() throws Exception {
    String body = "{\"type\":\"case.detected\",\"data\":{\"summary\":\"Rechnung über 182,40 €\"}}";
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), "HmacSHA256"));
    String expected =
        "v1,"
            + Base64.getEncoder()
                .encodeToString(
                    mac.doFinal(("msg_1.1700000000." + body).getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        expected,
        WebhookSignatures.sign(
            WebhookSignatures.key(SECRET),
            "msg_1",
            1700000000L,
            body.getBytes(StandardCharsets.UTF_8)));
    assertNotEquals(
        expected,
        WebhookSignatures.sign(
            WebhookSignatures.key(SECRET),
            "msg_1",
            1700000001L,
            body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void newSecretsAreWhsecAndTwentyFourRandomBytes() {
    String one = WebhookSignatures.newSecret();
    assertTrue(one.startsWith("whsec_"), one);
    assertEquals(24, Base64.getDecoder().decode(one.substring(6)).length);
    assertNotEquals(one, WebhookSignatures.newSecret());
  }

  @Test
  @Tag("security")
  void looksAtAHandfulOfSignaturesOnly() {
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
    byte[] key = WebhookSignatures.key(SECRET);
    String valid = WebhookSignatures.sign(key, ID, TIMESTAMP, body);
    String wrong = WebhookSignatures.sign(key, ID, TIMESTAMP + 1, body);
    String header = (wrong + " ").repeat(WebhookSignatures.MAX_SIGNATURES - 1) + valid;
    assertTrue(WebhookSignatures.matches(List.of(key), ID, TIMESTAMP, header, body));
    assertFalse(
        WebhookSignatures.matches(List.of(key), ID, TIMESTAMP, wrong + " " + header, body),
        "the valid signature comes after the first " + WebhookSignatures.MAX_SIGNATURES);
    assertTrue(
        WebhookSignatures.matches(
            List.of(WebhookSignatures.key(WebhookSignatures.newSecret()), key),
            ID,
            TIMESTAMP,
            "v1,not-base64! " + valid,
            body),
        "any active secret, after a signature that is not base64");
  }
}
