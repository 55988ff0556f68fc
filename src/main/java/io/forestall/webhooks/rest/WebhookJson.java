package io.forestall.webhooks.rest;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.kernel.Violation;
import io.forestall.platform.rest.JsonInput;
import io.forestall.webhooks.DeliveryAttempt;
import io.forestall.webhooks.DeliveryState;
import io.forestall.webhooks.SubscriptionDraft;
import io.forestall.webhooks.WebhookDelivery;
import io.forestall.webhooks.WebhookSubscription;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Subscriptions and deliveries as the API reads and answers them. */
final class WebhookJson {

  private static final Set<String> FIELDS = Set.of("url", "description", "eventTypes", "enabled");

  private WebhookJson() {}

  /**
   * A subscription as sent, checked strictly: every wrong field, unknown field and broken rule is
   * named in one 400 problem.
   */
  static SubscriptionDraft read(JsonValue body) {
    JsonInput in = JsonInput.of(body).allowOnly(FIELDS);
    String url = in.string("url");
    String description = in.string("description");
    Boolean enabled = in.bool("enabled");
    Set<String> types = null;
    JsonValue raw = in.raw("eventTypes");
    if (raw instanceof JsonArray array) {
      types = new LinkedHashSet<>();
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i) instanceof JsonString type) {
          types.add(type.getString());
        } else {
          in.error("eventTypes/" + i, "must be a string");
        }
      }
    } else if (raw != null && raw.getValueType() != JsonValue.ValueType.NULL) {
      in.error("eventTypes", "must be an array of event types");
    }
    SubscriptionDraft draft = new SubscriptionDraft(url, description, types, enabled);
    // A field already reported as the wrong type is not reported again for its content.
    Set<String> misshapen = FIELDS.stream().filter(in::failed).collect(Collectors.toSet());
    for (Violation v : draft.check()) {
      String field = v.pointer().substring(1);
      if (!misshapen.contains(field)) {
        in.error(field, v.message());
      }
    }
    in.finish();
    return draft;
  }

  static JsonObjectBuilder subscription(WebhookSubscription s) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("id", s.getId())
            .add("url", s.getUrl())
            .add("eventTypes", JSON.createArrayBuilder(s.getEventTypes()))
            .add("enabled", s.isEnabled())
            .add("secretPrefix", s.getSecretPrefix())
            .add("createdAt", s.getCreatedAt().toString())
            .add("createdBy", s.getCreatedBy())
            .add("updatedAt", s.getUpdatedAt().toString());
    optional(json, "description", s.getDescription());
    optional(json, "disabledReason", s.getDisabledReason());
    optional(json, "disabledAt", s.getDisabledAt());
    optional(json, "lastSuccessAt", s.getLastSuccessAt());
    optional(json, "previousSecretValidUntil", s.getPreviousUntil());
    return json;
  }

  /** A delivery with its body and every attempt, oldest first. */
  static JsonObject delivery(WebhookDelivery d, List<DeliveryAttempt> attempts) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("id", d.getId())
            .add("subscriptionId", d.getSubscriptionId())
            .add("webhookId", d.getWebhookId())
            .add("type", d.getEventType())
            .add("subject", d.getSubject())
            .add("state", d.getState().name())
            .add("attempts", d.getAttempts())
            .add("createdAt", d.getCreatedAt().toString())
            .add("payload", JSON.createReader(new StringReader(d.getPayload())).readObject());
    if (d.getState() == DeliveryState.PENDING) {
      json.add("nextAttemptAt", d.getNextAttemptAt().toString());
    }
    if (d.getLastStatus() != null) {
      json.add("lastStatus", d.getLastStatus());
    }
    optional(json, "lastError", d.getLastError());
    optional(json, "deliveredAt", d.getDeliveredAt());
    JsonArrayBuilder log = JSON.createArrayBuilder();
    for (DeliveryAttempt a : attempts) {
      JsonObjectBuilder headers = JSON.createObjectBuilder();
      for (String line : a.getRequestHeaders().split("\n")) {
        int colon = line.indexOf(": ");
        if (colon > 0) {
          headers.add(line.substring(0, colon), line.substring(colon + 2));
        }
      }
      JsonObjectBuilder attempt =
          JSON.createObjectBuilder()
              .add("number", a.getNumber())
              .add("replay", a.isReplay())
              .add("at", a.getStartedAt().toString())
              .add("requestHeaders", headers)
              .add("latencyMs", a.getLatencyMs());
      if (a.getResponseStatus() != null) {
        attempt.add("status", a.getResponseStatus());
      }
      optional(attempt, "responseBody", a.getResponseBody());
      optional(attempt, "error", a.getError());
      log.add(attempt);
    }
    return json.add("attemptLog", log).build();
  }

  private static void optional(JsonObjectBuilder json, String name, Object value) {
    if (value instanceof Instant at) {
      json.add(name, at.toString());
    } else if (value != null) {
      json.add(name, value.toString());
    }
  }
}
