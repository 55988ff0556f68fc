package io.forestall.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.testsupport.KeycloakForTests;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The realm locks an account for a while after repeated failed logins (five, or two within a
 * second): then even the right password is refused. It runs against the real Keycloak with a user
 * of its own, so no demo user is ever locked.
 */
@Tag("security")
class LoginLockoutIT {

  private static final String REALM = KeycloakForTests.KEYCLOAK + "/realms/forestall";
  private static final String ADMIN = KeycloakForTests.KEYCLOAK + "/admin/realms/forestall";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Test
  void repeatedWrongPasswordsLockTheAccount() throws Exception {
    String admin = serviceToken();
    String username = "lockout-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        send(
            HttpRequest.newBuilder(URI.create(ADMIN + "/users"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\""
                            + username
                            + "\",\"enabled\":true,\"email\":\""
                            + username
                            + "@example.com\",\"emailVerified\":true,\"firstName\":\"Lock\","
                            + "\"lastName\":\"Out\",\"credentials\":[{\"type\":\"password\","
                            + "\"value\":\"right-one\",\"temporary\":false}]}")));
    assertEquals(201, created.statusCode(), created.body());
    String user = created.headers().firstValue("Location").orElseThrow();
    try {
      assertEquals(200, login(username, "right-one").statusCode(), "the right password works");
      for (int i = 0; i < 5; i++) {
        HttpResponse<String> wrong = login(username, "wrong-" + i);
        assertTrue(wrong.statusCode() == 400 || wrong.statusCode() == 401, wrong.body());
      }
      HttpResponse<String> locked = login(username, "right-one");
      assertTrue(
          locked.statusCode() == 400 || locked.statusCode() == 401,
          "the right password is refused while locked: " + locked.body());
      assertTrue(locked.body().contains("invalid_grant"), locked.body());
    } finally {
      send(
          HttpRequest.newBuilder(URI.create(user))
              .header("Authorization", "Bearer " + admin)
              .DELETE());
    }
  }

  /** The provisioning client's token, which may manage the realm's users. */
  private static String serviceToken() throws Exception {
    HttpResponse<String> token =
        send(
            HttpRequest.newBuilder(URI.create(REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=forestall-admin"
                            + "&client_secret=forestall-admin-secret")));
    assertEquals(200, token.statusCode(), token.body());
    return Json.createReader(new StringReader(token.body())).readObject().getString("access_token");
  }

  private static HttpResponse<String> login(String username, String password) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(REALM + "/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "grant_type=password&client_id=forestall-cli&username="
                        + username
                        + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8))));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(
        request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
