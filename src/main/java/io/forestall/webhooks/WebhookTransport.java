package io.forestall.webhooks;

import io.forestall.integrations.WebhookSignatures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends one delivery: a POST of its body, signed per Standard Webhooks with the subscription's
 * secret at the moment of sending, so a retry carries a fresh timestamp. Redirects are not
 * followed; the answer is read only as far as the log keeps it.
 */
@ApplicationScoped
class WebhookTransport {

  static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** What one attempt sent and got back; {@code status} is null when no answer came. */
  record Outcome(
      Instant startedAt,
      String requestHeaders,
      Integer status,
      String responseExcerpt,
      long latencyMs,
      String error) {

    boolean success() {
      return status != null && status >= 200 && status < 300;
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @Inject Clock clock;

  /** Sends {@code payload} signed with each of {@code secrets} (two while a rotation settles). */
  Outcome send(String url, String webhookId, List<String> secrets, String payload) {
    Instant started = clock.instant();
    byte[] body = payload.getBytes(StandardCharsets.UTF_8);
    long timestamp = started.getEpochSecond();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("content-type", "application/json");
    headers.put("webhook-id", webhookId);
    headers.put("webhook-timestamp", Long.toString(timestamp));
    headers.put(
        "webhook-signature",
        secrets.stream()
            .map(s -> WebhookSignatures.sign(WebhookSignatures.key(s), webhookId, timestamp, body))
            .collect(Collectors.joining(" ")));
    String sent =
        headers.entrySet().stream()
            .map(h -> h.getKey() + ": " + h.getValue())
            .collect(Collectors.joining("\n"));
    long start = System.nanoTime();
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(TIMEOUT)
              .header("User-Agent", "Forestall-Webhooks/1")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      headers.forEach(request::header);
      HttpResponse<InputStream> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      String excerpt;
      try (InputStream in = response.body()) {
        excerpt = excerpt(in.readNBytes(DeliveryAttempt.EXCERPT));
      }
      int status = response.statusCode();
      return new Outcome(
          started,
          sent,
          status,
          excerpt,
          millisSince(start),
          status >= 200 && status < 300 ? null : "HTTP " + status);
    } catch (HttpTimeoutException e) {
      return new Outcome(
          started,
          sent,
          null,
          null,
          millisSince(start),
          "No answer within " + TIMEOUT.toSeconds() + " s");
    } catch (IOException | IllegalArgumentException e) {
      return new Outcome(started, sent, null, null, millisSince(start), describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(started, sent, null, null, millisSince(start), "Interrupted");
    }
  }

  /** A response body's first bytes as text; a character cut in half is replaced. */
  private static String excerpt(byte[] bytes) {
    // PostgreSQL text cannot hold NUL characters.
    return bytes.length == 0
        ? null
        : new String(bytes, StandardCharsets.UTF_8).replace('\u0000', '\uFFFD');
  }

  private static String describe(Exception e) {
    String text =
        e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    return text.length() > 1000 ? text.substring(0, 1000) : text;
  }

  private static long millisSince(long start) {
    return Duration.ofNanos(System.nanoTime() - start).toMillis();
  }
}
