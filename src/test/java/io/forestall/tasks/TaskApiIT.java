package io.forestall.tasks;

import static io.forestall.tasks.TaskFixture.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.audit.AuditEntry;
import io.forestall.audit.AuditLog;
import io.forestall.kernel.Role;
import io.forestall.testsupport.Api;
import io.forestall.testsupport.Api.Answer;
import io.forestall.testsupport.As;
import io.forestall.testsupport.Deployments;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Agent tasks through the API in the server: of two agents claiming at once exactly one wins;
 * release, reassign, notes and closing (which resolves the case and writes its timeline), all
 * audited; bad input stores nothing; another tenant reaches none of it.
 */
@ExtendWith(ArquillianExtension.class)
class TaskApiIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.forestall(TaskApiIT.class, TaskFixture.class);
  }

  @Inject AuditLog audit;
  @Inject TaskService tasks;

  private static JsonObject task(String token, long id) {
    Answer answer = Api.get("/api/v1/tasks/" + id, token);
    assertEquals(200, answer.status(), answer.body());
    return answer.json();
  }

  private static String timeline(JsonObject task) {
    return task.getJsonArray("timeline").stream()
        .map(s -> s.asJsonObject().getString("note", ""))
        .toList()
        .toString();
  }

  @Test
  void twoAgentsClaimingAtOnceGetOneWinner() throws Exception {
    String key = Api.key("acme-admin", "FULL");
    long id = TaskFixture.reactTask(key);
    String agent = Api.token("acme-agent");
    String admin = Api.token("acme-admin");
    assertEquals("OPEN", task(agent, id).getString("status"));
    assertFalse(task(agent, id).containsKey("owner"));

    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Answer>> claims = new ArrayList<>();
    for (String token : List.of(agent, admin)) {
      claims.add(
          pool.submit(
              () -> {
                start.await();
                return Api.post("/api/v1/tasks/" + id + "/claim", token, "");
              }));
    }
    start.countDown();
    Answer first = claims.get(0).get();
    Answer second = claims.get(1).get();
    pool.shutdown();
    assertEquals(
        List.of(200, 409),
        List.of(first.status(), second.status()).stream().sorted().toList(),
        first.body() + " / " + second.body());
    Answer won = first.status() == 200 ? first : second;
    Answer lost = first.status() == 200 ? second : first;
    String winner = won.json().getJsonObject("owner").getString("username");
    String winnerName = won.json().getJsonObject("owner").getString("name");
    assertTrue(lost.contentType().startsWith("application/problem+json"), lost.contentType());
    assertTrue(lost.body().contains("claimed by " + winnerName), lost.body());
    assertEquals(winner, task(agent, id).getJsonObject("owner").getString("username"), "one owner");

    String winnerToken = winner.equals("acme-agent") ? agent : admin;
    assertEquals(200, Api.post("/api/v1/tasks/" + id + "/claim", winnerToken, "").status());
    assertEquals(
        403,
        Api.post("/api/v1/tasks/" + id + "/claim", key, "").status(),
        "an integration reassigns, it does not claim");
    String viewer = Api.token("acme-viewer");
    assertEquals(200, Api.get("/api/v1/tasks/" + id, viewer).status(), "viewers read");
    assertEquals(403, Api.post("/api/v1/tasks/" + id + "/release", viewer, "").status());
    if (winner.equals("acme-admin")) {
      assertEquals(
          409,
          Api.post("/api/v1/tasks/" + id + "/release", agent, "").status(),
          "an agent cannot take an admin's task back");
    }
    assertEquals(200, Api.post("/api/v1/tasks/" + id + "/release", winnerToken, "").status());
    assertFalse(task(agent, id).containsKey("owner"));
  }

  @Test
  void releaseReassignNotesAndCloseResolveTheCase() throws Exception {
    String key = Api.key("acme-admin", "FULL");
    String team = unique("Care ");
    List<Long> cases = TaskFixture.cases(key, List.of(unique("TASK-"), unique("TASK-")));
    long id = TaskFixture.task(key, cases.get(0), team);
    Answer again = Api.post("/api/v1/tasks", key, TaskFixture.opening(cases.get(0), team));
    assertEquals(200, again.status(), "a case has each kind of task once: " + again.body());
    assertEquals(id, again.json().getJsonNumber("id").longValue());

    String agent = Api.token("acme-agent");
    String admin = Api.token("acme-admin");
    JsonObject queue =
        Api.get("/api/v1/tasks?status=open&team=" + team.replace(" ", "%20"), agent).json();
    assertEquals(1, queue.getInt("total"), queue.toString());
    assertEquals(id, queue.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue());

    assertEquals(200, Api.post("/api/v1/tasks/" + id + "/claim", admin, "").status());
    assertEquals(200, Api.post("/api/v1/tasks/" + id + "/release", admin, "").status());
    Answer claimed = Api.post("/api/v1/tasks/" + id + "/claim", agent, "");
    assertEquals("Alan Agent", claimed.json().getJsonObject("owner").getString("name"));
    assertEquals(
        1,
        Api.get("/api/v1/tasks?owner=acme-agent&team=" + team.replace(" ", "%20"), agent)
            .json()
            .getInt("total"));
    Answer reassigned =
        Api.post("/api/v1/tasks/" + id + "/reassign", agent, "{\"owner\":\"acme-admin\"}");
    assertEquals(200, reassigned.status(), reassigned.body());
    assertEquals("acme-admin", reassigned.json().getJsonObject("owner").getString("username"));
    Answer notMine =
        Api.post(
            "/api/v1/tasks/" + id + "/close",
            agent,
            "{\"outcome\":\"RESOLVED\",\"rootCause\":\"x\"}");
    assertEquals(409, notMine.status(), notMine.body());
    assertTrue(notMine.body().contains("only they or a tenant admin"), notMine.body());

    Answer noted =
        Api.post(
            "/api/v1/tasks/" + id + "/notes", agent, "{\"text\":\"  Called back, no answer \"}");
    assertEquals(201, noted.status(), noted.body());
    assertEquals("Called back, no answer", noted.json().getString("text"));
    assertEquals("Alan Agent", noted.json().getString("authorName"));

    String cause = unique("Tariff change not explained ");
    Answer closed =
        Api.post(
            "/api/v1/tasks/" + id + "/close",
            admin,
            "{\"outcome\":\"RESOLVED\",\"rootCause\":\"  " + cause + "  \",\"note\":\"Refunded\"}");
    assertEquals(200, closed.status(), closed.body());
    assertEquals("DONE", closed.json().getString("status"));
    assertEquals("RESOLVED", closed.json().getString("outcome"));
    assertEquals(cause, closed.json().getString("rootCause"));
    assertEquals("RESOLVED", closed.json().getJsonObject("case").getString("state"));

    JsonObject theCase = Api.get("/api/v1/cases/" + cases.get(0), key).json();
    assertEquals("RESOLVED", theCase.getString("state"));
    assertEquals(cause, theCase.getString("rootCause"));
    JsonObject done = task(agent, id);
    assertEquals(1, done.getJsonArray("notes").size());
    String steps = timeline(done);
    for (String step :
        List.of(
            "opened for " + team,
            "Claimed task " + id,
            "Released task " + id,
            "Reassigned task " + id + " to ",
            "Note on task " + id + ": Called back, no answer",
            "Closed task " + id + ": RESOLVED (root cause: " + cause + "). Refunded")) {
      assertTrue(steps.contains(step), step + " in " + steps);
    }
    assertTrue(
        done.getJsonArray("timeline").stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(s -> s.getString("state").equals("RESOLVED")));
    assertEquals(
        409,
        Api.post("/api/v1/tasks/" + id + "/claim", agent, "").status(),
        "a closed task stays closed");
    assertEquals(
        409,
        Api.post("/api/v1/tasks/" + id + "/close", admin, "{\"outcome\":\"NO_ACTION\"}").status());
    assertTrue(
        Api.get("/api/v1/tasks?status=done&owner=acme-admin&limit=500", agent)
            .json()
            .getJsonArray("items")
            .stream()
            .anyMatch(t -> t.asJsonObject().getJsonNumber("id").longValue() == id));

    List<String> actions =
        As.user("acme", Role.TENANT_ADMIN, () -> audit.list("task", 0, 500)).stream()
            .filter(e -> e.getSubjectId().equals(Long.toString(id)))
            .map(AuditEntry::getAction)
            .toList();
    assertEquals(
        List.of("closed", "noted", "reassigned", "claimed", "released", "claimed", "opened"),
        actions,
        "newest first");
    assertTrue(
        As.user("acme", Role.AGENT, () -> tasks.rootCauses(cause.substring(0, 20), 10))
            .contains(cause),
        "root causes are suggested from the tenant's own");
    assertTrue(
        As.user("globex", Role.AGENT, () -> tasks.rootCauses(cause.substring(0, 20), 10))
            .isEmpty());

    long other = TaskFixture.task(key, cases.get(1), team);
    Answer noAction =
        Api.post(
            "/api/v1/tasks/" + other + "/close",
            agent,
            "{\"outcome\":\"no_action\",\"note\":\"Customer sorted it out\"}");
    assertEquals(200, noAction.status(), noAction.body());
    assertEquals("Alan Agent", noAction.json().getJsonObject("owner").getString("name"));
    JsonObject untouched = Api.get("/api/v1/cases/" + cases.get(1), key).json();
    assertEquals("DETECTED", untouched.getString("state"), "only RESOLVED resolves the case");
    assertTrue(
        timeline(task(agent, other)).contains("NO_ACTION. Customer sorted it out"),
        timeline(task(agent, other)));
  }

  @Test
  void badInputIsRefusedAndStoresNothing() throws Exception {
    String key = Api.key("acme-admin", "FULL");
    long caseId = TaskFixture.cases(key, List.of(unique("TASK-"))).get(0);
    long id = TaskFixture.task(key, caseId, unique("Care "));
    String agent = Api.token("acme-agent");
    String close = "/api/v1/tasks/" + id + "/close";

    assertProblem(Api.post(close, agent, "{\"outcome\":\"FIXED\"}"), "/outcome");
    assertProblem(
        Api.post(
            close, agent, "{\"outcome\":\"RESOLVED\",\"rootCause\":\"" + "x".repeat(121) + "\"}"),
        "/rootCause");
    assertProblem(
        Api.post(close, agent, "{\"outcome\":\"RESOLVED\",\"rootCause\":\"   \"}"), "/rootCause");
    assertProblem(Api.post(close, agent, "{\"outcome\":\"RESOLVED\",\"colour\":1}"), "/colour");
    assertProblem(Api.post(close, agent, "{\"outcome\":7}"), "/outcome");
    assertProblem(
        Api.post(close, agent, "{\"outcome\":\"NO_ACTION\",\"note\":\"" + "n".repeat(2001) + "\"}"),
        "/note");
    assertProblem(Api.post("/api/v1/tasks/" + id + "/notes", agent, "{\"text\":\"  \"}"), "/text");
    assertProblem(Api.post("/api/v1/tasks/" + id + "/notes", agent, "{}"), "/text");
    assertEquals(400, Api.post("/api/v1/tasks/" + id + "/notes", agent, "{\"text\":").status());
    assertProblem(
        Api.post("/api/v1/tasks/" + id + "/reassign", agent, "{\"owner\":\"not a name!\"}"),
        "/owner");
    assertProblem(
        Api.post(
            "/api/v1/tasks",
            key,
            "{\"caseId\":"
                + caseId
                + ",\"kind\":\"LUNCH\","
                + "\"team\":\" \",\"priority\":9,\"dueIn\":\"PT30M\"}"),
        "/kind",
        "/team",
        "/priority");
    assertProblem(
        Api.post(
            "/api/v1/tasks",
            key,
            "{\"caseId\":" + caseId + ",\"kind\":\"FAILED_SEND\",\"team\":\"T\"}"),
        "/dueIn");
    assertProblem(Api.get("/api/v1/tasks?status=later", agent), "status");
    assertEquals(400, Api.get("/api/v1/tasks?limit=0", agent).status());
    assertEquals(404, Api.post("/api/v1/tasks/" + Long.MAX_VALUE + "/claim", agent, "").status());
    assertEquals(
        404, Api.post("/api/v1/tasks", key, TaskFixture.opening(Long.MAX_VALUE, "Care")).status());

    JsonObject unchanged = task(agent, id);
    assertEquals("OPEN", unchanged.getString("status"));
    assertFalse(unchanged.containsKey("owner"));
    assertTrue(unchanged.getJsonArray("notes").isEmpty());
    assertEquals("DETECTED", Api.get("/api/v1/cases/" + caseId, key).json().getString("state"));
    assertEquals(
        1,
        Api.get("/api/v1/cases/" + caseId, key).json().getJsonArray("tasks").size(),
        "no FAILED_SEND task without its due time");
  }

  @Test
  void anotherTenantReachesNoTask() throws Exception {
    String key = Api.key("acme-admin", "FULL");
    String customer = unique("TASK-");
    long caseId = TaskFixture.cases(key, List.of(customer)).get(0);
    long id = TaskFixture.task(key, caseId, unique("Care "));

    for (String stranger : List.of(Api.token("globex-agent"), Api.key("globex-admin", "FULL"))) {
      String task = "/api/v1/tasks/" + id;
      assertEquals(404, Api.get(task, stranger).status());
      assertEquals(404, Api.post(task + "/claim", stranger, "").status());
      assertEquals(404, Api.post(task + "/release", stranger, "").status());
      assertEquals(
          404, Api.post(task + "/reassign", stranger, "{\"owner\":\"globex-agent\"}").status());
      assertEquals(404, Api.post(task + "/notes", stranger, "{\"text\":\"mine now\"}").status());
      assertEquals(
          404,
          Api.post(task + "/close", stranger, "{\"outcome\":\"RESOLVED\",\"rootCause\":\"x\"}")
              .status());
      assertEquals(
          404,
          Api.post("/api/v1/tasks", stranger, TaskFixture.opening(caseId, "Theirs")).status(),
          "another tenant's case");
      JsonObject theirs = Api.get("/api/v1/tasks?limit=500", stranger).json();
      assertTrue(
          theirs.getJsonArray("items").stream()
              .noneMatch(t -> t.asJsonObject().getJsonNumber("id").longValue() == id));
    }
    String person = Api.token("globex-agent");
    for (String page : List.of("/tasks/task.xhtml?id=" + id, "/tasks/queue.xhtml")) {
      Answer shown = Api.get(page, person);
      assertFalse(shown.body().contains(customer), page + " shows " + customer);
    }
    assertEquals(200, Api.get("/tasks/queue.xhtml", Api.token("acme-agent")).status());

    JsonObject untouched = task(Api.token("acme-agent"), id);
    assertEquals("OPEN", untouched.getString("status"));
    assertFalse(untouched.containsKey("owner"));
    assertTrue(untouched.getJsonArray("notes").isEmpty());
    assertNotEquals("RESOLVED", Api.get("/api/v1/cases/" + caseId, key).json().getString("state"));
  }

  private static void assertProblem(Answer answer, String... pointers) {
    assertEquals(400, answer.status(), answer.body());
    for (String pointer : pointers) {
      assertTrue(answer.body().contains(pointer), pointer + " in " + answer.body());
    }
  }
}
