package io.forestall.outreach;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.platform.egress.EgressAnswer;
import io.forestall.platform.egress.EgressGuard;
import io.forestall.platform.egress.EgressRefusedException;
import io.forestall.platform.egress.EgressTimeoutException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Sends SMS through a provider's HTTP API, by way of the egress guard: a JSON POST {@code {to,
 * from, text, reference}} with the tenant's bearer token and the message's {@code Idempotency-Key}.
 * A 2xx answer means sent (its JSON {@code id} is kept); 408, 429, 5xx and network trouble are
 * worth another try; a refused address and any other answer are final. At most a few kilobytes of
 * an answer are read.
 */
@ApplicationScoped
class HttpSmsTransport implements SmsTransport {

  private static final int MAX_ANSWER = 500;
  private static final int MAX_ID = 200;
  private static final int MAX_READ = 8 * 1024;

  @Inject EgressGuard egress;
  private Duration timeout = Duration.ofSeconds(10);

  HttpSmsTransport() {}

  /** A transport through {@code egress} that gives up on a provider after {@code timeout}. */
  HttpSmsTransport(EgressGuard egress, Duration timeout) {
    this.egress = egress;
    this.timeout = timeout;
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
    EgressAnswer answer;
    try {
      answer =
          egress.post(
              provider.url().toString(),
              Map.of(
                  "Accept",
                  "application/json",
                  "Authorization",
                  "Bearer " + provider.token(),
                  "Idempotency-Key",
                  key),
              body.getBytes(StandardCharsets.UTF_8),
              "application/json",
              timeout,
              MAX_READ);
    } catch (EgressRefusedException e) {
      throw new SmsException("the SMS provider's URL " + e.getMessage(), true);
    } catch (EgressTimeoutException e) {
      throw new SmsException("the SMS provider did not answer within " + timeout, e);
    } catch (IOException e) {
      throw new SmsException("the SMS provider could not be reached: " + e, e);
    }
    int status = answer.status();
    if (status >= 200 && status < 300) {
      return answer.truncated() ? Optional.empty() : providerId(answer.text());
    }
    boolean worthRetrying = status == 408 || status == 429 || status >= 500;
    throw new SmsException(
        "the SMS provider answered " + status + ": " + shorten(answer.text(), MAX_ANSWER),
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
