package io.forestall.events;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.platform.persistence.Database;
import io.forestall.testsupport.Api;
import io.forestall.testsupport.Api.Answer;
import io.forestall.testsupport.As;
import io.forestall.testsupport.Deployments;
import io.forestall.testsupport.Webhooks;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * A corpus of bad ingest requests (ingest-corpus.json): each must get its 4xx as a problem document
 * and leave no event, receipt, customer or delivery behind.
 */
@ExtendWith(ArquillianExtension.class)
class IngestCorpusIT {

  private static final String GOOD =
      "{\"id\":\"corpus-1\",\"customer\":\"ACME-1001\",\"type\":\"bill.issued\","
          + "\"occurredAt\":\"2026-11-01T10:00:00Z\"}";

  @Deployment
  static WebArchive deployment() {
    return Deployments.forestall(IngestCorpusIT.class, IngestFixture.class)
        .addAsResource("ingest-corpus.json");
  }

  @Inject Database database;

  @Test
  void everyBadInputGetsAClear4xxAndStoresNothing() throws Exception {
    JsonArray corpus;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("ingest-corpus.json")) {
      corpus = Json.createReader(in).readArray();
    }
    assertTrue(corpus.size() >= 60, "the corpus holds at least 60 inputs");

    String admin = Api.token("acme-admin");
    String key = IngestFixture.createKey(admin, "INGEST").getString("key");
    JsonObject revoked = IngestFixture.createKey(admin, "INGEST");
    Api.delete("/api/v1/api-keys/" + revoked.getInt("id"), admin);
    String viewer = Api.token("acme-viewer");
    String secret = IngestFixture.secret("acme-admin");
    IngestFixture.secret("globex-admin");
    long acme = As.tenant("acme").id();

    List<Executable> checks = new ArrayList<>();
    for (JsonObject c : corpus.getValuesAs(JsonObject.class)) {
      String name = c.getString("name");
      String body = body(c);
      long[] before = counts(acme);
      Answer answer =
          c.getString("door").equals("api")
              ? Api.post(
                  "/api/v1/events",
                  credential(c.getString("auth"), key, revoked.getString("key"), viewer),
                  c.getString("contentType"),
                  body)
              : webhook(c, secret, body);
      long[] after = counts(acme);
      int expected = c.getInt("status");
      checks.add(() -> assertEquals(expected, answer.status(), name + ": " + answer.body()));
      checks.add(
          () ->
              assertTrue(
                  answer.contentType().startsWith("application/problem+json"),
                  name + " answers a problem document, not " + answer.contentType()));
      checks.add(
          () ->
              assertTrue(
                  !answer.body().contains("Exception") && !answer.body().contains("at io."),
                  name + " leaks no stack trace"));
      checks.add(
          () ->
              assertEquals(
                  List.of(before[0], before[1], before[2], before[3]),
                  List.of(after[0], after[1], after[2], after[3]),
                  name + " stores nothing"));
    }
    assertAll(checks);
  }

  private static String credential(String auth, String key, String revokedKey, String viewer) {
    return switch (auth) {
      case "ingest-key" -> key;
      case "revoked-key" -> revokedKey;
      case "garbage-key" -> "fsk_notARealKeyAtAll0000000000000000000000000";
      case "malformed" -> "not a token";
      case "viewer-token" -> viewer;
      default -> null;
    };
  }

  private static Answer webhook(JsonObject c, String secret, String body) {
    String tenant = c.getString("tenant");
    long now = System.currentTimeMillis() / 1000;
    String id = "corpus-" + System.nanoTime();
    String ts = Long.toString(now);
    String signature = Webhooks.sign(secret, id, now, body);
    switch (c.getString("sign")) {
      case "none" -> {
        return Webhooks.send(tenant, null, null, null, body);
      }
      case "other-body" -> signature = Webhooks.sign(secret, id, now, body + " ");
      case "wrong-secret" -> signature = Webhooks.sign("whsec_" + "A".repeat(32), id, now, body);
      case "stale" -> {
        ts = Long.toString(now - 600);
        signature = Webhooks.sign(secret, id, now - 600, body);
      }
      case "future" -> {
        ts = Long.toString(now + 600);
        signature = Webhooks.sign(secret, id, now + 600, body);
      }
      case "bad-timestamp" -> ts = "yesterday";
      case "v2" -> signature = signature.replace("v1,", "v2,");
      case "garbage" -> signature = "v1,@@not-base64@@";
      case "no-id" -> {
        return Webhooks.send(tenant, null, ts, signature, body);
      }
      default -> {}
    }
    return Webhooks.send(tenant, id, ts, signature, body);
  }

  private static String body(JsonObject c) {
    if (!c.containsKey("generate")) {
      return c.getString("body");
    }
    return switch (c.getString("generate")) {
      case "longid" -> GOOD.replace("corpus-1", "x".repeat(129));
      case "attributes51" -> {
        StringBuilder attributes = new StringBuilder("{");
        for (int i = 0; i < 51; i++) {
          attributes.append(i == 0 ? "" : ",").append("\"a").append(i).append("\":").append(i);
        }
        yield GOOD.replace("}", ",\"attributes\":" + attributes + "}}");
      }
      case "batch1001" -> {
        StringBuilder batch = new StringBuilder("{\"events\":[");
        for (int i = 0; i < 1001; i++) {
          batch.append(i == 0 ? "" : ",").append(GOOD.replace("corpus-1", "corpus-batch-" + i));
        }
        yield batch.append("]}").toString();
      }
      case "huge" ->
          GOOD.replace("}", ",\"attributes\":{\"blob\":\"" + "x".repeat(2_200_000) + "\"}}");
      default -> throw new IllegalArgumentException(c.getString("generate"));
    };
  }

  private long[] counts(long tenantId) throws Exception {
    String[] tables = {"customer_event", "event_receipt", "customer", "webhook_delivery"};
    long[] counts = new long[tables.length];
    try (Connection connection = database.unmanaged().getConnection()) {
      for (int i = 0; i < tables.length; i++) {
        try (PreparedStatement s =
            connection.prepareStatement(
                "select count(*) from " + tables[i] + " where tenant_id = ?")) {
          s.setLong(1, tenantId);
          try (ResultSet r = s.executeQuery()) {
            r.next();
            counts[i] = r.getLong(1);
          }
        }
      }
    }
    return counts;
  }
}
