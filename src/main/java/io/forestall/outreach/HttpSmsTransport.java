package io.forestall.outreach;

import static io.forestall.kernel.JsonFactory.JSON;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Sends SMS through a provider's HTTP API: a JSON POST {@code {to, from, text, reference}} with the
 * tenant's bearer token and the message's {@code Idempotency-Key}. A 2xx answer means sent (its
 * JSON {@code id} is kept); 408, 429, 5xx and network trouble are worth another try; any other
 * answer is final.
 */
@ApplicationScoped
class HttpSmsTransport implements SmsTransport {

  private static final int MAX_ANSWER = 500;
  private static final int MAX_ID = 200;

  private Duration timeout = Duration.ofSeconds(10);
  private HttpClient http;

  HttpSmsTransport() {}

  /** A transport that gives up on a provider after {@code timeout}; for tests. */
  HttpSmsTransport(Duration timeout) {
    this.timeout = timeout;
    init();
  }

  @PostConstruct
  void init() {
    http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public Optional<String> send(SmsProvider provider, String to, String text, String key)
      throws SmsException {
    String body =
        JSON.createObjectBuilder()
            .add("to", to)
            .add("from", provider.senderId())
            .add("text", text)
            .add("reference", key)
            .build()
            .toString();
    HttpRequest request =
        HttpRequest.newBuilder(provider.url())
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + provider.token())
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> answer;
    try {
      answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new SmsException("the SMS provider did not answer within " + timeout, e);
    } catch (IOException e) {
      throw new SmsException("the SMS provider could not be reached: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SmsException("sending was interrupted", e);
    }
    int status = answer.statusCode();
    if (status >= 200 && status < 300) {
      return providerId(answer.body());
    }
    boolean worthRetrying = status == 408 || status == 429 || status >= 500;
    throw new SmsException(
        "the SMS provider answered " + status + ": " + shorten(answer.body(), MAX_ANSWER),
        !worthRetrying);
  }

  /** The {@code id} of a JSON object answer, if there is one. */
  private static Optional<String> providerId(String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonValue value = JSON.createReader(new StringReader(body)).readValue();
      if (value instanceof JsonObject json) {
        JsonValue id = json.get("id");
        if (id instanceof JsonString s && !s.getString().isBlank()) {
          return Optional.of(shorten(s.getString(), MAX_ID));
        }
        if (id instanceof JsonNumber n) {
          return Optional.of(n.toString());
        }
      }
    } catch (JsonException | IllegalStateException e) {
      // Not JSON: sent all the same, without the provider's id.
    }
    return Optional.empty();
  }

  private static String shorten(String text, int max) {
    String clean = text == null ? "" : text.strip();
    return clean.length() > max ? clean.substring(0, max - 1) + "…" : clean;
  }
}
