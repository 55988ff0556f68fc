package io.forestall.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain HTTP client for the REST API and Keycloak, as a tenant integration would use them. */
public final class Api {

  public static final String APP = "http://localhost:8080";

  /**
   * The public origin of the customers' pages: the same server under another host name, as the
   * server's default {@code FORESTALL_PUBLIC_URL} says.
   */
  public static final String PUBLIC = "http://127.0.0.1:8080";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private Api() {}

  /** A status code and body, with the body parsed as JSON when it is JSON. */
  public record Answer(int status, String contentType, String body) {
    public JsonObject json() {
      return Json.createReader(new StringReader(body)).readObject();
    }

    public JsonStructure structure() {
      return Json.createReader(new StringReader(body)).read();
    }
  }

  /** An access token for a demo user, through the forestall-cli client's direct grant. */
  public static String token(String username) {
    String form =
        "grant_type=password&client_id=forestall-cli&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password=demo";
    Answer answer =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        KeycloakForTests.KEYCLOAK
                            + "/realms/forestall/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    if (answer.status() != 200) {
      throw new IllegalStateException("No token for " + username + ": " + answer.body());
    }
    return answer.json().getString("access_token");
  }

  /** A new API key of {@code scope} (FULL or INGEST), created by a demo tenant admin. */
  public static String key(String admin, String scope) {
    Answer answer =
        post(
            "/api/v1/api-keys",
            token(admin),
            "{\"name\":\"test " + scope.toLowerCase() + "\",\"scope\":\"" + scope + "\"}");
    if (answer.status() != 201) {
      throw new IllegalStateException("No key for " + admin + ": " + answer.body());
    }
    return answer.json().getString("key");
  }

  public static Answer get(String path, String token) {
    return send(request(path, token).GET());
  }

  public static Answer post(String path, String token, String json) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public static Answer put(String path, String token, String json) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public static Answer delete(String path, String token) {
    return send(request(path, token).DELETE());
  }

  /** Posts a body with the given content type, as a client that gets it wrong might. */
  public static Answer post(String path, String token, String contentType, String body) {
    return send(
        request(path, token)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : APP + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json");
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private static Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
