package io.forestall.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.testsupport.Api;
import io.forestall.testsupport.KeycloakForTests;
import io.forestall.testsupport.ServerProcess;
import io.forestall.testsupport.Wait;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server started the way the image starts it: through {@code docker/entrypoint.sh}, with the
 * image's default of JSON logs and, as behind the chart's Ingress, forwarded addresses. Every line
 * it logs is one JSON object, and the lines written while serving a request or running a job name
 * the request, the job and the tenant.
 */
class EntrypointIT {

  private static final int OFFSET = 300;
  private static final ServerProcess SERVER =
      new ServerProcess(
              "entrypoint-node",
              "forestall_entrypoint",
              Map.of(
                  "FORESTALL_LOG_LEVEL",
                  "DEBUG",
                  "FORESTALL_PROXY_ADDRESS_FORWARDING",
                  "true",
                  // Alone: not a member of another test's cluster on the default port.
                  "FORESTALL_CLUSTER_HOSTS",
                  "127.0.0.1[" + (7600 + OFFSET) + "]"),
              OFFSET)
          .launchedBy("entrypoint.sh");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Process keycloak;
  private static String token;

  @BeforeAll
  static void start() throws Exception {
    keycloak = KeycloakForTests.ensureRunning(Path.of("target"));
    Files.copy(
        Path.of("docker/entrypoint.sh"),
        Path.of("target/server/bin/entrypoint.sh"),
        StandardCopyOption.REPLACE_EXISTING);
    Files.deleteIfExists(SERVER.log());
    SERVER.resetSchema();
    SERVER.start();
    token = Api.token("acme-admin");
  }

  @AfterAll
  static void stop() {
    SERVER.stop();
    KeycloakForTests.stop(keycloak);
  }

  @Test
  void everyLineIsJsonAndARequestsLinesCarryItsIdAndTenant() throws Exception {
    String id = "it-" + UUID.randomUUID();
    HttpResponse<String> answer = get("/api/v1/customers?limit=1", id);
    assertEquals(200, answer.statusCode(), answer.body());
    assertEquals(Optional.of(id), answer.headers().firstValue("X-Request-Id"));

    // An id that is not a plain token is replaced, never written to the log.
    HttpResponse<String> replaced = get("/api/v1/customers?limit=1", "two words");
    String fresh = replaced.headers().firstValue("X-Request-Id").orElseThrow();
    assertNotEquals("two words", fresh);
    assertEquals(fresh, UUID.fromString(fresh).toString());

    JsonObject line = await("request " + id + "'s line", request(id));
    assertEquals("acme", mdc(line, "tenant"));
    assertTrue(
        line.getString("message").startsWith("GET /api/v1/customers 200 in "), line.toString());
    await("request " + fresh + "'s line", request(fresh));
    assertTrue(lines().stream().noneMatch(l -> l.toString().contains("two words")));
  }

  @Test
  void aScheduledScansLinesCarryItsJobAndTenant() throws Exception {
    HttpResponse<String> created =
        post(
            "/api/v1/playbooks",
            "{\"name\":\"Entrypoint heartbeat\",\"level\":\"ALERT\",\"schedule\":\"0 * * * * ?\","
                + "\"trigger\":{\"conditions\":[{\"kind\":\"THRESHOLD\",\"eventType\":\"usage.daily\","
                + "\"aggregate\":\"SUM\",\"window\":\"P1D\",\"comparison\":\"GT\",\"value\":1000000}]}}");
    assertEquals(201, created.statusCode(), created.body());
    long playbook = Json.createReader(new StringReader(created.body())).readObject().getInt("id");
    HttpResponse<String> published = post("/api/v1/playbooks/" + playbook + "/publish", "");
    assertEquals(200, published.statusCode(), published.body());

    // The schedule fires at the next whole minute.
    JsonObject line =
        await(
            "the scheduled scan of playbook " + playbook,
            l ->
                String.valueOf(mdc(l, "job")).endsWith(".playbook-" + playbook)
                    && l.getString("message").startsWith("SCHEDULED scan of playbook " + playbook));
    assertEquals("acme", mdc(line, "tenant"));
    assertNull(mdc(line, "request"));
  }

  @Test
  void behindATlsEndingProxyTheLoginReturnsToThePublicHttpsAddress() throws Exception {
    // HTTP/1.1, as nginx and ingress-nginx speak to their upstreams: Undertow does not apply the
    // forwarded headers to the requests of an HTTP/2 (h2c) connection after its first.
    HttpResponse<String> login =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(SERVER.url() + "/tasks/queue.xhtml"))
                .version(HttpClient.Version.HTTP_1_1)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "cs.acme.test")
                .header("X-Forwarded-Port", "443")
                .header("X-Forwarded-For", "203.0.113.9")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(302, login.statusCode());
    String location =
        URLDecoder.decode(
            login.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8);
    assertTrue(location.startsWith(KeycloakForTests.KEYCLOAK + "/realms/forestall/"), location);
    assertTrue(location.contains("redirect_uri=https://cs.acme.test/tasks/queue.xhtml"), location);
  }

  /** Waits up to 90 s for a log line that passes {@code wanted}, described by {@code what}. */
  private static JsonObject await(String what, Predicate<JsonObject> wanted) {
    return Wait.until(
            what + " is in " + SERVER.log(),
            Duration.ofSeconds(90),
            () -> lines().stream().filter(wanted).findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  /** The server's log lines, past the start script's banner: each must be a JSON object. */
  private static List<JsonObject> lines() throws Exception {
    String log = Files.readString(SERVER.log());
    // A line without its line end yet is still being written.
    List<String> text = log.substring(0, log.lastIndexOf('\n') + 1).lines().toList();
    int banner = 0;
    int start = 0;
    while (start < text.size() && banner < 2) {
      banner += text.get(start++).startsWith("=====") ? 1 : 0;
    }
    List<JsonObject> lines = new ArrayList<>();
    for (String l : text.subList(start, text.size())) {
      if (l.isBlank()) {
        continue;
      }
      try {
        lines.add(Json.createReader(new StringReader(l)).readObject());
      } catch (JsonException e) {
        throw new AssertionError("Not a JSON object: " + l, e);
      }
    }
    return lines;
  }

  /** The line that logs the request with id {@code id}. */
  private static Predicate<JsonObject> request(String id) {
    return l -> id.equals(mdc(l, "request")) && "io.forestall.requests".equals(logger(l));
  }

  private static String mdc(JsonObject line, String key) {
    JsonObject mdc = line.getJsonObject("mdc");
    return mdc != null && mdc.containsKey(key) ? mdc.getString(key) : null;
  }

  private static String logger(JsonObject line) {
    return line.getString("loggerName", "");
  }

  private static HttpResponse<String> get(String path, String requestId) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(SERVER.url() + path))
            .header("Authorization", "Bearer " + token)
            .header("X-Request-Id", requestId)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String json) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(SERVER.url() + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
