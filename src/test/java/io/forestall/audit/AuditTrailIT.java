package io.forestall.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.kernel.Role;
import io.forestall.tenants.Tenant;
import io.forestall.tenants.TenantService;
import io.forestall.tenants.TenantSettings;
import io.forestall.testsupport.Api;
import io.forestall.testsupport.Api.Answer;
import io.forestall.testsupport.As;
import io.forestall.testsupport.Deployments;
import io.forestall.triggers.ComplaintSettings;
import io.forestall.triggers.ComplaintWeights;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail of credentials and settings in the server: API keys and inbound secrets created
 * and revoked, a webhook secret rotated and every settings screen changed through the API each
 * leave an entry with who, when, before and after as JSON, never the secret itself; another
 * tenant's admin sees none of them. Settings changed here are put back as they were.
 */
@ExtendWith(ArquillianExtension.class)
class AuditTrailIT {

  private static final Set<String> CREDENTIAL_FIELDS =
      Set.of("name", "prefix", "createdBy", "createdAt", "revokedAt");

  @Deployment
  static WebArchive deployment() {
    return Deployments.forestall(AuditTrailIT.class);
  }

  @Inject AuditLog audit;
  @Inject ComplaintSettings complaints;
  @Inject TenantService tenants;

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  /** The entries of one subject, newest first, as the tenant's admin reads them. */
  private List<AuditEntry> entries(String slug, String type, Object subjectId) {
    return As.user(slug, Role.TENANT_ADMIN, () -> audit.list(type, 0, 500)).stream()
        .filter(e -> e.getSubjectId().equals(String.valueOf(subjectId)))
        .toList();
  }

  private static void assertNoSecretIn(List<AuditEntry> entries, String... secrets) {
    for (AuditEntry e : entries) {
      for (String secret : secrets) {
        assertFalse(String.valueOf(e.getBefore()).contains(secret), e.getBefore());
        assertFalse(String.valueOf(e.getAfter()).contains(secret), e.getAfter());
      }
    }
  }

  private static void assertWhoAndWhen(AuditEntry e) {
    assertFalse(e.getActor().isBlank());
    assertTrue(e.getAt() != null);
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  @Tag("security")
  void credentialsAreAuditedWithoutTheirSecretsAndOnlyForTheirTenant() throws Exception {
    String run = unique();
    String admin = Api.token("acme-admin");

    Answer createdKey =
        Api.post(
            "/api/v1/api-keys", admin, "{\"name\":\"audit " + run + "\",\"scope\":\"INGEST\"}");
    assertEquals(201, createdKey.status(), createdKey.body());
    long keyId = createdKey.json().getJsonNumber("id").longValue();
    String key = createdKey.json().getString("key");
    assertEquals(204, Api.delete("/api/v1/api-keys/" + keyId, admin).status());
    List<AuditEntry> keyEntries = entries("acme", "api-key", keyId);
    assertEquals(
        List.of("revoked", "created"), keyEntries.stream().map(AuditEntry::getAction).toList());
    AuditEntry keyCreated = keyEntries.get(1);
    assertWhoAndWhen(keyCreated);
    assertNull(keyCreated.getBefore());
    JsonObject keyAfter = json(keyCreated.getAfter());
    assertEquals(
        Set.of("name", "scope", "prefix", "createdBy", "createdAt", "revokedAt"),
        keyAfter.keySet());
    assertEquals("audit " + run, keyAfter.getString("name"));
    assertEquals("INGEST", keyAfter.getString("scope"));
    assertEquals(key.substring(0, 12), keyAfter.getString("prefix"));
    AuditEntry keyRevoked = keyEntries.get(0);
    assertEquals(JsonValue.NULL, json(keyRevoked.getBefore()).get("revokedAt"));
    assertFalse(json(keyRevoked.getAfter()).isNull("revokedAt"));
    assertNoSecretIn(keyEntries, key, key.substring(12), sha256(key));
    assertEquals(
        204, Api.delete("/api/v1/api-keys/" + keyId, admin).status(), "revoking again is allowed");
    assertEquals(2, entries("acme", "api-key", keyId).size(), "but changes nothing");

    Answer createdSecret =
        Api.post("/api/v1/inbound-secrets", admin, "{\"name\":\"audit " + run + "\"}");
    assertEquals(201, createdSecret.status(), createdSecret.body());
    long secretId = createdSecret.json().getJsonNumber("id").longValue();
    String secret = createdSecret.json().getString("secret");
    assertEquals(204, Api.delete("/api/v1/inbound-secrets/" + secretId, admin).status());
    List<AuditEntry> secretEntries = entries("acme", "inbound-secret", secretId);
    assertEquals(
        List.of("revoked", "created"), secretEntries.stream().map(AuditEntry::getAction).toList());
    JsonObject secretAfter = json(secretEntries.get(1).getAfter());
    assertEquals(CREDENTIAL_FIELDS, secretAfter.keySet());
    assertEquals(secret.substring(0, 12), secretAfter.getString("prefix"));
    assertEquals(JsonValue.NULL, json(secretEntries.get(0).getBefore()).get("revokedAt"));
    assertFalse(json(secretEntries.get(0).getAfter()).isNull("revokedAt"));
    assertNoSecretIn(secretEntries, secret, secret.substring(12));

    String full = Api.key("acme-admin", "FULL");
    Answer subscribed =
        Api.post(
            "/api/v1/webhook-subscriptions",
            full,
            "{\"url\":\"https://hooks-"
                + run
                + ".invalid/audit\",\"eventTypes\":[\"remedy.requested\"]}");
    assertEquals(201, subscribed.status(), subscribed.body());
    long hookId = subscribed.json().getJsonNumber("id").longValue();
    String old = subscribed.json().getString("secret");
    Answer rotated =
        Api.post("/api/v1/webhook-subscriptions/" + hookId + "/rotate-secret", full, "");
    assertEquals(200, rotated.status(), rotated.body());
    String fresh = rotated.json().getString("secret");
    List<AuditEntry> hookEntries = entries("acme", "webhook", hookId);
    assertEquals(
        List.of("secret rotated", "created"),
        hookEntries.stream().map(AuditEntry::getAction).toList());
    assertEquals(
        old.substring(0, 12), json(hookEntries.get(1).getAfter()).getString("secretPrefix"));
    JsonObject rotatedBefore = json(hookEntries.get(0).getBefore());
    JsonObject rotatedAfter = json(hookEntries.get(0).getAfter());
    assertWhoAndWhen(hookEntries.get(0));
    assertEquals(old.substring(0, 12), rotatedBefore.getString("secretPrefix"));
    assertEquals(fresh.substring(0, 12), rotatedAfter.getString("secretPrefix"));
    assertEquals(old.substring(0, 12), rotatedAfter.getString("previousSecretPrefix"));
    assertFalse(rotatedAfter.isNull("previousSecretValidUntil"));
    assertNoSecretIn(hookEntries, old, old.substring(12), fresh, fresh.substring(12));
    assertEquals(204, Api.delete("/api/v1/webhook-subscriptions/" + hookId, full).status());

    List<AuditEntry> theirs = As.user("globex", Role.TENANT_ADMIN, () -> audit.list(null, 0, 5000));
    assertTrue(
        theirs.stream()
            .noneMatch(
                e ->
                    (e.getSubjectType().equals("api-key")
                            && e.getSubjectId().equals(Long.toString(keyId)))
                        || (e.getSubjectType().equals("inbound-secret")
                            && e.getSubjectId().equals(Long.toString(secretId)))
                        || (e.getSubjectType().equals("webhook")
                            && e.getSubjectId().equals(Long.toString(hookId)))),
        "another tenant's admin sees none of acme's entries");
    assertTrue(theirs.stream().noneMatch(e -> String.valueOf(e.getAfter()).contains(run)));
  }

  @Test
  @Tag("security")
  void everySettingsChangeIsAuditedWithBeforeAndAfter() {
    String run = unique();
    String key = Api.key("brightwheel-admin", "FULL");
    long tenant = As.tenant("brightwheel").id();

    String channels = "/api/v1/settings/channels";
    JsonObject channelsBefore = Api.get(channels, key).json();
    String token = "tok-audit-" + run;
    try {
      Answer saved =
          Api.put(
              channels,
              key,
              Json.createObjectBuilder(channelsBefore)
                  .add("emailSenderName", "Audit " + run)
                  .add("smsAuthToken", token)
                  .build()
                  .toString());
      assertEquals(200, saved.status(), saved.body());
      List<AuditEntry> entries = entries("brightwheel", "channel-settings", tenant);
      AuditEntry entry = entries.get(0);
      assertWhoAndWhen(entry);
      assertEquals("saved with a new SMS token", entry.getAction());
      JsonObject before = json(entry.getBefore());
      JsonObject after = json(entry.getAfter());
      assertEquals(channelsBefore.get("emailSenderName"), before.get("emailSenderName"));
      assertEquals(
          channelsBefore.getBoolean("smsAuthTokenSet") ? "set" : "not set",
          before.getString("smsAuthToken"));
      assertEquals("Audit " + run, after.getString("emailSenderName"));
      assertEquals("set", after.getString("smsAuthToken"));
      assertNoSecretIn(entries, token);
    } finally {
      var restore = Json.createObjectBuilder(channelsBefore).remove("smsAuthTokenSet");
      if (!channelsBefore.getBoolean("smsAuthTokenSet")) {
        restore.addNull("smsAuthToken");
      }
      assertEquals(200, Api.put(channels, key, restore.build().toString()).status());
    }

    String outreach = "/api/v1/settings/outreach";
    JsonObject guardrails = Api.get(outreach, key).json();
    int days = guardrails.getInt("capDays");
    int changedDays = days == 90 ? 89 : days + 1;
    try {
      Answer saved =
          Api.put(
              outreach,
              key,
              Json.createObjectBuilder(guardrails).add("capDays", changedDays).build().toString());
      assertEquals(200, saved.status(), saved.body());
      AuditEntry entry = entries("brightwheel", "outreach-settings", tenant).get(0);
      assertWhoAndWhen(entry);
      assertEquals(days, json(entry.getBefore()).getInt("capDays"));
      assertEquals(changedDays, json(entry.getAfter()).getInt("capDays"));
      assertEquals(
          guardrails.getString("quietStart"), json(entry.getAfter()).getString("quietStart"));
    } finally {
      assertEquals(200, Api.put(outreach, key, guardrails.toString()).status());
    }

    String loop = "/api/v1/settings/closed-loop";
    JsonObject loopSettings = Api.get(loop, key).json();
    BigDecimal cost = loopSettings.getJsonNumber("costPerContact").bigDecimalValue();
    BigDecimal changedCost = cost.add(new BigDecimal("1.25"));
    try {
      Answer saved =
          Api.put(
              loop,
              key,
              Json.createObjectBuilder(loopSettings)
                  .add("costPerContact", changedCost)
                  .build()
                  .toString());
      assertEquals(200, saved.status(), saved.body());
      AuditEntry entry = entries("brightwheel", "closed-loop-settings", tenant).get(0);
      assertWhoAndWhen(entry);
      assertEquals(
          0,
          cost.compareTo(
              json(entry.getBefore()).getJsonNumber("costPerContact").bigDecimalValue()));
      assertEquals(
          0,
          changedCost.compareTo(
              json(entry.getAfter()).getJsonNumber("costPerContact").bigDecimalValue()));
      assertEquals(
          loopSettings.getJsonArray("contactTypes"),
          json(entry.getAfter()).getJsonArray("contactTypes"));
    } finally {
      assertEquals(200, Api.put(loop, key, loopSettings.toString()).status());
    }

    ComplaintWeights weights = As.user("brightwheel", Role.TENANT_ADMIN, complaints::get);
    int device = (weights.device() + 7) % 101;
    try {
      As.user(
          "brightwheel",
          Role.TENANT_ADMIN,
          () ->
              complaints.save(
                  new ComplaintWeights(
                      weights.perAttachment(),
                      weights.attachmentsMax(),
                      weights.longText(),
                      weights.timing(),
                      weights.money(),
                      device,
                      weights.skilledTeam(),
                      weights.frontlineTeam())));
      AuditEntry entry = entries("brightwheel", "complaint-weights", tenant).get(0);
      assertWhoAndWhen(entry);
      assertEquals(weights.device(), json(entry.getBefore()).getInt("device"));
      assertEquals(device, json(entry.getAfter()).getInt("device"));
      assertEquals(weights.skilledTeam(), json(entry.getAfter()).getString("skilledTeam"));
    } finally {
      As.user("brightwheel", Role.TENANT_ADMIN, () -> complaints.save(weights));
    }

    Tenant organisation = As.user("brightwheel", Role.TENANT_ADMIN, tenants::current);
    int retention = organisation.getEventRetentionDays();
    int changedRetention = retention == 3650 ? 3649 : retention + 1;
    try {
      configure("brightwheel", organisation, changedRetention);
      AuditEntry entry = entries("brightwheel", "tenant-settings", tenant).get(0);
      assertWhoAndWhen(entry);
      assertEquals(retention, json(entry.getBefore()).getInt("eventRetentionDays"));
      assertEquals(changedRetention, json(entry.getAfter()).getInt("eventRetentionDays"));
      assertEquals(organisation.getTimeZone(), json(entry.getAfter()).getString("timeZone"));
    } finally {
      configure("brightwheel", organisation, retention);
    }

    List<AuditEntry> theirs = As.user("globex", Role.TENANT_ADMIN, () -> audit.list(null, 0, 5000));
    Set<String> settings =
        Set.of(
            "channel-settings",
            "outreach-settings",
            "closed-loop-settings",
            "complaint-weights",
            "tenant-settings");
    assertTrue(
        theirs.stream()
            .filter(e -> settings.contains(e.getSubjectType()))
            .noneMatch(e -> e.getSubjectId().equals(Long.toString(tenant))),
        "another tenant's admin sees none of brightwheel's settings entries");
    assertNoSecretIn(theirs, token);
  }

  private void configure(String slug, Tenant t, int retentionDays) {
    As.user(
        slug,
        Role.TENANT_ADMIN,
        () ->
            tenants.configure(
                new TenantSettings(
                    t.getName(), t.getTimeZone(), t.getLocale(), t.getTheme(), retentionDays)));
  }
}
