package io.forestall.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and sends inbound webhooks as a tenant's system would, per the Standard Webhooks scheme.
 */
public final class Webhooks {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Webhooks() {}

  /** {@code v1,<base64 HMAC-SHA256 of id.timestamp.body>} under a {@code whsec_} secret. */
  public static String sign(String secret, String id, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(
              Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
      byte[] digest =
          mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(digest);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static Api.Answer send(
      String tenant, String id, String timestamp, String signature, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Api.APP + "/api/v1/webhooks/inbound/" + tenant))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (id != null) {
      request.header("webhook-id", id);
    }
    if (timestamp != null) {
      request.header("webhook-timestamp", timestamp);
    }
    if (signature != null) {
      request.header("webhook-signature", signature);
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Api.Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Signs {@code body} with {@code secret} now and sends it. */
  public static Api.Answer deliver(String tenant, String secret, String id, String body) {
    long now = System.currentTimeMillis() / 1000;
    return send(tenant, id, Long.toString(now), sign(secret, id, now, body), body);
  }
}
