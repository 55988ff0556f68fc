package io.forestall.webhooks;

import io.forestall.integrations.WebhookSignatures;
import io.forestall.platform.egress.EgressAnswer;
import io.forestall.platform.egress.EgressGuard;
import io.forestall.platform.egress.EgressRefusedException;
import io.forestall.platform.egress.EgressTimeoutException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends one delivery: a POST of its body through the egress guard, signed per Standard Webhooks
 * with the subscription's secret at the moment of sending, so a retry carries a fresh timestamp.
 * Redirects are not followed; the answer is read only as far as the log keeps it.
 */
@ApplicationScoped
class WebhookTransport {

  static final Duration TIMEOUT = EgressGuard.MAX_DEADLINE;

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

  @Inject Clock clock;
  @Inject EgressGuard egress;

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
    Map<String, String> request = new LinkedHashMap<>(headers);
    request.remove("content-type");
    request.put("User-Agent", "Forestall-Webhooks/1");
    long start = System.nanoTime();
    try {
      EgressAnswer answer =
          egress.post(url, request, body, "application/json", TIMEOUT, DeliveryAttempt.EXCERPT);
      int status = answer.status();
      return new Outcome(
          started,
          sent,
          status,
          excerpt(answer),
          millisSince(start),
          status >= 200 && status < 300 ? null : "HTTP " + status);
    } catch (EgressRefusedException e) {
      return new Outcome(
          started, sent, null, null, millisSince(start), "Refused: the URL " + e.getMessage());
    } catch (IOException e) {
      return new Outcome(started, sent, null, null, millisSince(start), describe(e));
    }
  }

  /** A response body's first bytes as text; a character cut in half is replaced. */
  private static String excerpt(EgressAnswer answer) {
    // PostgreSQL text cannot hold NUL characters.
    return answer.body().length == 0 ? null : answer.text().replace('\u0000', '\uFFFD');
  }

  private static String describe(IOException e) {
    String text =
        e instanceof EgressTimeoutException
            ? e.getMessage()
            : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    return text.length() > 1000 ? text.substring(0, 1000) : text;
  }

  private static long millisSince(long start) {
    return Duration.ofNanos(System.nanoTime() - start).toMillis();
  }
}
