package io.forestall.tenants;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads Keycloak's side of a tenant through the Admin REST API, independently of Forestall's
 * client.
 */
final class KeycloakAdmin {

  private static final String BASE = "http://localhost:8180";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private KeycloakAdmin() {}

  static JsonObject user(String username) {
    JsonArray users =
        get("/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8))
            .asJsonArray();
    if (users.isEmpty()) {
      throw new AssertionError("Keycloak has no user " + username);
    }
    return users.getJsonObject(0);
  }

  static Set<String> realmRoles(String userId) {
    return get("/users/" + userId + "/role-mappings/realm").asJsonArray().stream()
        .map(r -> r.asJsonObject().getString("name"))
        .collect(Collectors.toSet());
  }

  static boolean groupExists(String name) {
    return !get("/groups?exact=true&search=" + name).asJsonArray().isEmpty();
  }

  private static JsonValue get(String path) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(BASE + "/admin/realms/forestall" + path))
                  .header("Authorization", "Bearer " + serviceToken())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return Json.createReader(new StringReader(response.body())).readValue();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String serviceToken() throws Exception {
    String form =
        "grant_type=client_credentials&client_id=forestall-admin&client_secret=forestall-admin-secret";
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(BASE + "/realms/forestall/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return Json.createReader(new StringReader(response.body()))
        .readObject()
        .getString("access_token");
  }
}
