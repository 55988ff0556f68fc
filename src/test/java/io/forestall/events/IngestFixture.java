package io.forestall.events;

import io.forestall.testsupport.Api;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Credentials a test creates for a tenant through the API, as its admin would. */
final class IngestFixture {

  private IngestFixture() {}

  static JsonObject createKey(String adminToken, String scope) {
    Api.Answer answer =
        Api.post(
            "/api/v1/api-keys",
            adminToken,
            "{\"name\":\"test " + scope.toLowerCase() + "\",\"scope\":\"" + scope + "\"}");
    if (answer.status() != 201) {
      throw new IllegalStateException(answer.body());
    }
    return answer.json();
  }

  static String secret(String admin) {
    Api.Answer answer =
        Api.post("/api/v1/inbound-secrets", Api.token(admin), "{\"name\":\"test\"}");
    if (answer.status() != 201) {
      throw new IllegalStateException(answer.body());
    }
    return answer.json().getString("secret");
  }

  /** An event of an hour ago, the newest on its customer's timeline. */
  static String event(String id, String customer, String type) {
    return event(id, customer, type, Instant.now().minus(Duration.ofHours(1)));
  }

  static String event(String id, String customer, String type, Instant occurredAt) {
    return "{\"id\":\""
        + id
        + "\",\"customer\":\""
        + customer
        + "\",\"type\":\""
        + type
        + "\",\"occurredAt\":\""
        + occurredAt.truncatedTo(ChronoUnit.SECONDS)
        + "\",\"value\":12.5}";
  }
}
