package io.forestall.playbooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.analytics.AnalyticsService;
import io.forestall.analytics.BoardLine;
import io.forestall.audit.AuditEntry;
import io.forestall.audit.AuditLog;
import io.forestall.kernel.Role;
import io.forestall.kernel.Violation;
import io.forestall.kernel.ViolationException;
import io.forestall.testsupport.Api;
import io.forestall.testsupport.Api.Answer;
import io.forestall.testsupport.As;
import io.forestall.testsupport.Deployments;
import io.forestall.testsupport.Wait;
import io.forestall.triggers.ComplaintSettings;
import io.forestall.triggers.ComplaintWeights;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Playbooks through the API in the server: lifecycle, validation, dry run, scans that never
 * duplicate, prompt EVENT detection, REACT tasks, complaint routing, the problem board and the
 * audit log; another tenant reaches none of it.
 */
@ExtendWith(ArquillianExtension.class)
class PlaybookApiIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.forestall(PlaybookApiIT.class);
  }

  @Inject AnalyticsService analytics;
  @Inject AuditLog audit;
  @Inject ComplaintSettings complaints;

  private static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String eventPlaybook(String name, String type, String extra) {
    return "{\"name\":\""
        + name
        + "\",\"level\":\"ALERT\",\"schedule\":\"0 0 6 * * ?\",\"cooldown\":\"PT0M\""
        + extra
        + ",\"trigger\":{\"conditions\":[{\"kind\":\"EVENT\",\"eventType\":\""
        + type
        + "\"}]}}";
  }

  private static String event(String customer, String type, String attributes) {
    return "{\"id\":\""
        + UUID.randomUUID()
        + "\",\"customer\":\""
        + customer
        + "\",\"type\":\""
        + type
        + "\",\"occurredAt\":\""
        + Instant.now().minusSeconds(5)
        + "\",\"attributes\":"
        + attributes
        + "}";
  }

  private static String key(String admin) {
    return Api.key(admin, "FULL");
  }

  private static long create(String key, String body) {
    Answer created = Api.post("/api/v1/playbooks", key, body);
    assertEquals(201, created.status(), created.body());
    return created.json().getJsonNumber("id").longValue();
  }

  private static int casesOf(String key, long playbook) {
    Answer list = Api.get("/api/v1/cases?playbook=" + playbook, key);
    assertEquals(200, list.status(), list.body());
    return list.json().getInt("total");
  }

  /**
   * Cases created by all runs of a playbook, once none is in flight (a prompt scan may race ours).
   */
  private static int createdByAllRuns(String key, long playbook) {
    return Wait.until(
            "no scan of playbook " + playbook + " is running",
            Duration.ofSeconds(10),
            () ->
                Api.get("/api/v1/playbooks/" + playbook + "/runs", key)
                    .json()
                    .getJsonArray("items")
                    .stream()
                    .map(JsonValue::asJsonObject)
                    .toList(),
            runs -> runs.stream().allMatch(r -> r.containsKey("durationMs")))
        .stream()
        .mapToInt(r -> r.getInt("created", 0))
        .sum();
  }

  private static JsonObject awaitCases(String key, long playbook, int expected) {
    return Wait.until(
        expected + " cases of playbook " + playbook + " are detected",
        Duration.ofSeconds(10),
        () -> Api.get("/api/v1/cases?playbook=" + playbook, key).json(),
        list -> list.getJsonArray("items").size() >= expected);
  }

  @Test
  void lifecycleValidationDryRunAndScansWithoutDuplicates() throws Exception {
    String key = key("acme-admin");
    String type = unique("payment.failed_");
    String name = unique("Failed payments ");
    long id = create(key, eventPlaybook(name, type, ",\"holdoutPercent\":0"));

    JsonObject fresh = Api.get("/api/v1/playbooks/" + id, key).json();
    assertEquals("DRAFT", fresh.getString("status"));
    assertTrue(fresh.isNull("publishedVersion"));

    Answer invalid =
        Api.post(
            "/api/v1/playbooks",
            key,
            "{\"name\":\"\",\"schedule\":\"every day\",\"trigger\":{\"conditions\":[{\"kind\":"
                + "\"CHANGE\",\"eventType\":\"Bill Issued\"},{\"kind\":\"SOMETIMES\"}]}}");
    assertEquals(400, invalid.status(), invalid.body());
    assertTrue(invalid.body().contains("/trigger/conditions/1/kind"), invalid.body());
    assertTrue(invalid.body().contains("/trigger/conditions/0/ratio"), invalid.body());
    Answer badRules =
        Api.post(
            "/api/v1/playbooks",
            key,
            "{\"name\":\"x\",\"schedule\":\"every day\",\"level\":\"AVOID\",\"trigger\":"
                + "{\"conditions\":[{\"kind\":\"LAPSE\",\"eventType\":\"Bill Issued\",\"minDays\":0}]}}");
    assertEquals(400, badRules.status(), badRules.body());
    for (String pointer :
        List.of(
            "/schedule",
            "/rootCause",
            "/trigger/conditions/0/eventType",
            "/trigger/conditions/0/minDays")) {
      assertTrue(badRules.body().contains(pointer), pointer + " in " + badRules.body());
    }
    assertEquals(409, Api.post("/api/v1/playbooks", key, eventPlaybook(name, type, "")).status());

    for (String customer : List.of("PB-1", "PB-2")) {
      assertEquals(202, Api.post("/api/v1/events", key, event(customer, type, "{}")).status());
    }
    JsonObject dry = Api.post("/api/v1/playbooks/" + id + "/dry-run", key, "").json();
    assertEquals(2, dry.getInt("matches"), dry.toString());
    assertEquals(0, casesOf(key, id), "a dry run creates nothing");
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    JsonObject backtest =
        Api.post(
                "/api/v1/playbooks/" + id + "/backtest?from=" + today.minusDays(2) + "&to=" + today,
                key,
                "")
            .json();
    assertEquals(
        List.of(0, 0, 2),
        backtest.getJsonArray("days").stream()
            .map(d -> d.asJsonObject().getInt("matches"))
            .toList(),
        backtest.toString());
    assertEquals(2, backtest.getInt("customers"));
    Answer badRange =
        Api.post(
            "/api/v1/playbooks/" + id + "/backtest?from=" + today + "&to=" + today.plusDays(1),
            key,
            "");
    assertEquals(400, badRange.status(), badRange.body());
    assertTrue(badRange.body().contains("/to"), badRange.body());
    Answer badDate = Api.post("/api/v1/playbooks/" + id + "/backtest?from=yesterday", key, "");
    assertEquals(400, badDate.status(), badDate.body());
    assertTrue(badDate.body().contains("yesterday"), badDate.body());
    assertEquals(0, casesOf(key, id), "a backtest creates nothing");

    assertEquals(409, Api.post("/api/v1/playbooks/" + id + "/scan", key, "").status());
    Answer published = Api.post("/api/v1/playbooks/" + id + "/publish", key, "");
    assertEquals(200, published.status(), published.body());
    assertEquals(1, published.json().getInt("number"));
    assertEquals(409, Api.post("/api/v1/playbooks/" + id + "/publish", key, "").status());

    List<Future<Answer>> scans = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int i = 0; i < 4; i++) {
      scans.add(pool.submit(() -> Api.post("/api/v1/playbooks/" + id + "/scan", key, "")));
    }
    int created = 0;
    for (Future<Answer> scan : scans) {
      Answer run = scan.get();
      assertEquals(200, run.status(), run.body());
      created += run.json().getInt("created");
    }
    pool.shutdown();
    assertTrue(created <= 2, "manual scans created " + created);
    assertEquals(2, createdByAllRuns(key, id), "manual and prompt scans create each case once");
    assertEquals(2, casesOf(key, id));
    JsonObject again = Api.post("/api/v1/playbooks/" + id + "/scan", key, "").json();
    assertEquals(0, again.getInt("created"));

    JsonObject theCase =
        Api.get("/api/v1/cases?playbook=" + id, key).json().getJsonArray("items").getJsonObject(0);
    JsonObject one =
        Api.get("/api/v1/cases/" + theCase.getJsonNumber("id").longValue(), key).json();
    assertEquals(1, one.getJsonObject("playbook").getInt("version"));
    assertTrue(one.getString("summary").startsWith(type + " at "), one.toString());
    assertEquals(
        type,
        one.getJsonObject("evidence")
            .getJsonArray("findings")
            .getJsonObject(0)
            .getString("eventType"));

    JsonObject customer = Api.get("/api/v1/customers/PB-1", key).json();
    assertTrue(
        customer.getJsonArray("recentEvents").stream()
            .anyMatch(e -> e.asJsonObject().getString("type").equals(type)),
        customer.toString());
    assertTrue(
        customer.getJsonArray("cases").stream()
            .anyMatch(
                c ->
                    c.asJsonObject().getJsonObject("playbook").getJsonNumber("id").longValue()
                        == id),
        customer.toString());

    Answer edited =
        Api.put("/api/v1/playbooks/" + id, key, eventPlaybook(name, type, ",\"priority\":1"));
    assertEquals(200, edited.status(), edited.body());
    assertTrue(edited.json().getBoolean("hasUnpublishedChanges"));
    assertEquals(
        2, Api.post("/api/v1/playbooks/" + id + "/publish", key, "").json().getInt("number"));
    assertEquals(
        2,
        Api.get("/api/v1/playbooks/" + id + "/versions", key).json().getJsonArray("items").size());
    assertEquals(
        "PAUSED",
        Api.post("/api/v1/playbooks/" + id + "/pause", key, "").json().getString("status"));
    assertEquals(
        "ACTIVE",
        Api.post("/api/v1/playbooks/" + id + "/resume", key, "").json().getString("status"));
    assertTrue(
        Api.get("/api/v1/playbooks/" + id + "/runs", key).json().getJsonArray("items").size() >= 5);

    List<String> actions =
        As.user("acme", Role.TENANT_ADMIN, () -> audit.list("playbook", 0, 100)).stream()
            .filter(a -> a.getSubjectId().equals(Long.toString(id)))
            .map(AuditEntry::getAction)
            .toList();
    assertEquals(
        List.of(
            "resumed",
            "paused",
            "published version 2",
            "draft edited",
            "published version 1",
            "created"),
        actions);

    String stranger = key("globex-admin");
    String caseId = theCase.getJsonNumber("id").toString();
    assertEquals(404, Api.get("/api/v1/playbooks/" + id, stranger).status());
    assertEquals(
        404, Api.put("/api/v1/playbooks/" + id, stranger, eventPlaybook(name, type, "")).status());
    for (String action : List.of("publish", "pause", "resume", "archive", "dry-run", "scan")) {
      assertEquals(
          404, Api.post("/api/v1/playbooks/" + id + "/" + action, stranger, "").status(), action);
    }
    assertEquals(404, Api.get("/api/v1/playbooks/" + id + "/versions", stranger).status());
    assertEquals(
        404,
        Api.post(
                "/api/v1/playbooks/" + id + "/backtest?from=" + today.minusDays(1) + "&to=" + today,
                stranger,
                "")
            .status());
    assertEquals(404, Api.get("/api/v1/cases/" + caseId, stranger).status());
    assertEquals(404, Api.get("/api/v1/customers/PB-1", stranger).status());
    String strangerPerson = Api.token("globex-admin");
    for (String page :
        List.of("/playbooks/edit.xhtml?id=" + id, "/cases/view.xhtml?id=" + caseId)) {
      Answer shown = Api.get(page, strangerPerson);
      assertFalse(shown.body().contains(name), page + " shows " + name);
      assertFalse(shown.body().contains("PB-1"), page);
    }
    assertFalse(Api.get("/cases/list.xhtml", strangerPerson).body().contains(name));
    assertEquals(0, casesOf(stranger, id));
    assertTrue(
        Api.get("/api/v1/playbooks", stranger).json().getJsonArray("items").stream()
            .noneMatch(p -> p.asJsonObject().getJsonNumber("id").longValue() == id));
    assertEquals(
        403,
        Api.post(
                "/api/v1/playbooks", Api.token("acme-viewer"), eventPlaybook(unique("v"), type, ""))
            .status());
  }

  @Test
  void reactComplaintAndAvoidLevelsActOnTheirCases() throws Exception {
    String key = key("acme-admin");
    String outage = unique("outage.started_");
    String contact = unique("ticket.created_");
    long react =
        create(
            key,
            eventPlaybook(
                unique("Outage "),
                outage,
                ",\"level\":\"REACT\",\"contactEventType\":\"" + contact + "\""));
    Api.post("/api/v1/playbooks/" + react + "/publish", key, "");
    String customer = unique("REACT-");
    Api.post("/api/v1/events", key, event(customer, outage, "{}"));
    long caseId =
        awaitCases(key, react, 1)
            .getJsonArray("items")
            .getJsonObject(0)
            .getJsonNumber("id")
            .longValue();
    assertEquals(0, Api.get("/api/v1/cases/" + caseId, key).json().getJsonArray("tasks").size());
    Api.post("/api/v1/events", key, event(customer, contact, "{}"));
    JsonObject withTask =
        Wait.until(
            "the contact opens a task on case " + caseId,
            Duration.ofSeconds(10),
            () -> Api.get("/api/v1/cases/" + caseId, key).json(),
            c -> !c.getJsonArray("tasks").isEmpty());
    assertEquals(
        "REACT",
        withTask.getJsonArray("tasks").getJsonObject(0).getString("kind"),
        withTask.toString());
    assertEquals(1, withTask.getJsonArray("tasks").getJsonObject(0).getInt("priority"));
    assertEquals("RESPONDED", withTask.getString("state"));

    String complaint = unique("complaint.created_");
    long triage =
        create(
            key,
            "{\"name\":\""
                + unique("Complaint triage ")
                + "\",\"level\":\"IGNORE\",\"cooldown\":\"PT0M\",\"trigger\":{\"conditions\":"
                + "[{\"kind\":\"COMPLAINT\",\"eventType\":\""
                + complaint
                + "\",\"complexAt\":40}]}}");
    Api.post("/api/v1/playbooks/" + triage + "/publish", key, "");
    Api.post(
        "/api/v1/events",
        key,
        "{\"events\":["
            + event(
                unique("CPL-"),
                complaint,
                "{\"text\":\"You overcharged me £80 on my bill and the refund never came\","
                    + "\"attachments\":2,\"device\":\"desktop\"}")
            + ","
            + event(unique("CPL-"), complaint, "{\"text\":\"Slow app\",\"device\":\"mobile\"}")
            + "]}");
    JsonObject triaged = awaitCases(key, triage, 2);
    List<String> kinds = new ArrayList<>();
    for (var item : triaged.getJsonArray("items")) {
      JsonObject detail =
          Api.get("/api/v1/cases/" + item.asJsonObject().getJsonNumber("id"), key).json();
      JsonObject task = detail.getJsonArray("tasks").getJsonObject(0);
      kinds.add(task.getString("kind") + "/" + task.getString("team"));
    }
    assertEquals(
        List.of("COMPLEX_COMPLAINT/Resolution hub", "SIMPLE_COMPLAINT/Frontline"),
        kinds.stream().sorted().toList());

    String cause = unique("Handset out of stock ");
    String stock = unique("stock.enquiry_");
    long avoid =
        create(
            key,
            eventPlaybook(
                unique("Stock calls "),
                stock,
                ",\"level\":\"AVOID\",\"rootCause\":\"" + cause + "\""));
    Api.post("/api/v1/playbooks/" + avoid + "/publish", key, "");
    Api.post(
        "/api/v1/events",
        key,
        "{\"events\":["
            + event(unique("S-"), stock, "{}")
            + ","
            + event(unique("S-"), stock, "{}")
            + "]}");
    awaitCases(key, avoid, 2);
    BoardLine line =
        As.user("acme", Role.AGENT, () -> analytics.board()).lines().stream()
            .filter(r -> r.rootCause().equals(cause))
            .findFirst()
            .orElseThrow();
    assertEquals(2, line.cases());
    assertTrue(
        As.user("globex", Role.AGENT, () -> analytics.board()).lines().stream()
            .noneMatch(r -> r.rootCause().equals(cause)));
  }

  @Test
  void complaintWeightsBelongToOneTenant() {
    ComplaintWeights globex =
        new ComplaintWeights(5, 10, 40, 0, 35, 25, "Kundenbetreuung Plus", "Service");
    As.user("globex", Role.TENANT_ADMIN, () -> complaints.save(globex));
    assertEquals(globex, As.user("globex", Role.AGENT, () -> complaints.get()));
    assertEquals(
        ComplaintWeights.DEFAULTS.skilledTeam(),
        As.user("acme", Role.TENANT_ADMIN, () -> complaints.get()).skilledTeam());
    ViolationException invalid =
        assertThrows(
            ViolationException.class,
            () ->
                As.user(
                    "globex",
                    Role.TENANT_ADMIN,
                    () -> complaints.save(new ComplaintWeights(-1, 10, 101, 0, 0, 0, " ", "x"))));
    assertEquals(
        List.of("/perAttachment", "/longText", "/skilledTeam"),
        invalid.violations().stream().map(Violation::pointer).toList());
    assertEquals(
        globex, As.user("globex", Role.AGENT, () -> complaints.get()), "nothing half-saved");
  }
}
