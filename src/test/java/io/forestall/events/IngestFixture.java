package io.forestall.events;

import io.forestall.testsupport.Api;
import jakarta.json.JsonObject;

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

  static String event(String id, String customer, String type) {
    return "{\"id\":\""
        + id
        + "\",\"customer\":\""
        + customer
        + "\",\"type\":\""
        + type
        + "\",\"occurredAt\":\"2026-11-01T10:00:00Z\",\"value\":12.5}";
  }
}
