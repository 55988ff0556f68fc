package io.forestall.analytics.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.cases.CaseService;
import io.forestall.cases.CaseState;
import io.forestall.cases.CaseTransitions;
import io.forestall.kernel.Role;
import io.forestall.testsupport.Api;
import io.forestall.testsupport.Api.Answer;
import io.forestall.testsupport.As;
import io.forestall.testsupport.Deployments;
import io.forestall.testsupport.Scenario;
import io.forestall.testsupport.Wait;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Analytics and the closed-loop settings over the API, against cases the test takes around the loop
 * itself: a playbook's funnel and repeat-contact rates, the board ranked by failure demand, the
 * settings strictly checked; another tenant sees none of it.
 */
@ExtendWith(ArquillianExtension.class)
class AnalyticsApiIT {

  private static final String SETTINGS = "/api/v1/settings/closed-loop";

  @Deployment
  static WebArchive deployment() {
    return Deployments.forestall(AnalyticsApiIT.class);
  }

  @Inject CaseTransitions transitions;
  @Inject CaseService cases;

  private static void settings(String key, String cost) {
    Answer saved =
        Api.put(
            SETTINGS,
            key,
            "{\"contactTypes\":[\"ticket.created\",\"call.received\",\"chat.started\","
                + "\"complaint.created\"],\"costPerContact\":"
                + cost
                + ",\"currency\":\"GBP\"}");
    assertEquals(200, saved.status(), saved.body());
  }

  private void awaitState(long id, CaseState state) {
    Wait.until(
        "case " + id + " is " + state,
        Duration.ofSeconds(15),
        () -> As.user("acme", Role.AGENT, () -> cases.get(id).getCase().getState()),
        now -> now == state);
  }

  private void awaitRepeat(long id) {
    Wait.until(
        "case " + id + " counts a repeat contact",
        Duration.ofSeconds(15),
        () -> As.user("acme", Role.AGENT, () -> cases.get(id).getCase().getRepeatContacts()),
        repeats -> repeats > 0);
  }

  private static long id(JsonObject c) {
    return c.getJsonNumber("id").longValue();
  }

  private static String customer(JsonObject c) {
    return c.getJsonObject("customer").getString("externalId");
  }

  @Test
  void aPlaybooksFunnelAndRepeatRatesCountItsKnownCases() throws Exception {
    String key = Api.key("acme-admin", "FULL");
    settings(key, "7.50");
    String run = Scenario.unique("");
    String type = "funnel.check_" + run;
    long playbook = Scenario.playbook(key, "Funnel " + run, type, 50, "P14D");
    Scenario.events(
        key, type, IntStream.range(0, 16).mapToObj(i -> "FUN-" + i + "-" + run).toList());
    List<JsonObject> found = Scenario.awaitCases(key, playbook, 16);
    List<JsonObject> held = found.stream().filter(c -> c.getBoolean("holdout")).toList();
    List<JsonObject> reached = found.stream().filter(c -> !c.getBoolean("holdout")).toList();
    assertTrue(held.size() >= 1 && reached.size() >= 3, "16 customers split about half-half");

    As.user(
        "acme",
        Role.AGENT,
        () -> {
          for (int i = 0; i < 3; i++) {
            transitions.respond(id(reached.get(i)), "answered");
          }
          transitions.resolve(id(reached.get(0)), null, "fixed");
          transitions.resolve(id(reached.get(1)), null, "fixed");
        });
    Scenario.contact(key, customer(reached.get(0)));
    Scenario.contact(key, customer(held.get(0)));
    awaitState(id(reached.get(0)), CaseState.REOPENED);
    awaitRepeat(id(held.get(0)));

    Answer answer = Api.get("/api/v1/analytics/playbooks/" + playbook, key);
    assertEquals(200, answer.status(), answer.body());
    JsonObject funnel = answer.json().getJsonObject("funnel");
    assertEquals(reached.size(), funnel.getInt("detected"));
    assertEquals(3, funnel.getInt("contacted"));
    assertEquals(3, funnel.getInt("responded"));
    assertEquals(2, funnel.getInt("resolved"));
    assertEquals(0, funnel.getInt("verified"));
    assertEquals(1, funnel.getInt("reopened"));
    assertEquals(held.size(), funnel.getInt("heldOut"));

    JsonObject rates = answer.json().getJsonObject("repeatContacts");
    JsonObject contacted = rates.getJsonObject("contacted");
    assertEquals(3, contacted.getInt("cases"));
    assertEquals(1, contacted.getInt("repeatContacts"));
    assertEquals(1.0 / 3, contacted.getJsonNumber("rate").doubleValue(), 1e-9);
    JsonObject heldOut = rates.getJsonObject("heldOut");
    assertEquals(held.size(), heldOut.getInt("cases"));
    assertEquals(1, heldOut.getInt("repeatContacts"));
    double difference = 1.0 / 3 - 1.0 / held.size();
    assertEquals(difference, rates.getJsonNumber("difference").doubleValue(), 1e-9);
    JsonObject ci = rates.getJsonObject("confidence");
    assertEquals(0.95, ci.getJsonNumber("level").doubleValue(), 1e-9);
    assertTrue(ci.getJsonNumber("lower").doubleValue() < difference);
    assertTrue(ci.getJsonNumber("upper").doubleValue() > difference);
    assertTrue(ci.getString("method").contains("Wilson"));

    JsonObject levels = Api.get("/api/v1/analytics/levels", key).json();
    assertEquals(6, levels.getJsonArray("items").size());
    assertTrue(
        levels.getJsonArray("items").stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(l -> l.getString("level").equals("ALERT") && l.getInt("cases") >= 16));

    String globex = Api.key("globex-admin", "FULL");
    assertEquals(404, Api.get("/api/v1/analytics/playbooks/" + playbook, globex).status());
    assertEquals(404, Api.get("/api/v1/analytics/playbooks/999999999", key).status());
    String person = Api.token("globex-admin");
    Answer foreign = Api.get("/analytics/playbook.xhtml?id=" + playbook, person);
    assertEquals(404, foreign.status());
    assertFalse(foreign.body().contains("Funnel " + run));
    assertFalse(
        Api.get("/analytics/overview.xhtml", person).body().contains("Funnel " + run),
        "another tenant's overview lists none of it");
    assertTrue(
        Api.get("/analytics/playbook.xhtml?id=" + playbook, Api.token("acme-viewer"))
            .body()
            .contains("Funnel " + run),
        "a viewer of the tenant reads its analytics");
  }

  @Test
  void theBoardRanksRootCausesByFailureDemand() throws Exception {
    String key = Api.key("acme-admin", "FULL");
    settings(key, "12.50");
    String run = Scenario.unique("");
    String type = "board.check_" + run;
    String costly = "Costly cause " + run;
    String cheap = "Cheap cause " + run;
    long playbook = Scenario.playbook(key, "Board " + run, type, 0, "P14D");
    List<String> customers = IntStream.range(0, 5).mapToObj(i -> "BRD-" + i + "-" + run).toList();
    Scenario.events(key, type, customers);
    List<JsonObject> found = Scenario.awaitCases(key, playbook, 5);
    As.user(
        "acme",
        Role.AGENT,
        () -> {
          for (int i = 0; i < 5; i++) {
            transitions.resolve(
                Scenario.caseOf(found, customers.get(i)), i < 2 ? costly : cheap, "fixed");
          }
        });
    for (int i : new int[] {0, 1, 2}) {
      Scenario.contact(key, customers.get(i));
    }
    for (int i : new int[] {0, 1, 2}) {
      awaitState(Scenario.caseOf(found, customers.get(i)), CaseState.REOPENED);
    }

    Answer answer = Api.get("/api/v1/analytics/board", key);
    assertEquals(200, answer.status(), answer.body());
    JsonObject board = answer.json();
    assertEquals(
        0,
        new BigDecimal("12.50")
            .compareTo(
                board.getJsonObject("costPerContact").getJsonNumber("amount").bigDecimalValue()));
    List<JsonObject> lines =
        board.getJsonArray("items").stream()
            .map(JsonValue::asJsonObject)
            .filter(l -> l.getString("rootCause").endsWith(run))
            .toList();
    assertEquals(
        List.of(costly, cheap), lines.stream().map(l -> l.getString("rootCause")).toList());
    JsonObject top = lines.get(0);
    assertEquals(2, top.getInt("cases"));
    assertEquals(2, top.getInt("open"));
    assertEquals(2, top.getInt("repeatContacts"));
    assertEquals(
        0,
        new BigDecimal("25.00")
            .compareTo(
                top.getJsonObject("failureDemand").getJsonNumber("amount").bigDecimalValue()));
    assertEquals("GBP", top.getJsonObject("failureDemand").getString("currency"));
    JsonObject second = lines.get(1);
    assertEquals(3, second.getInt("cases"));
    assertEquals(1, second.getInt("open"));
    assertEquals(
        0,
        new BigDecimal("12.50")
            .compareTo(
                second.getJsonObject("failureDemand").getJsonNumber("amount").bigDecimalValue()));

    String globex = Api.key("globex-admin", "FULL");
    assertFalse(
        Api.get("/api/v1/analytics/board", globex).body().contains(run),
        "another tenant's board shows none of it");
    assertFalse(
        Api.get("/analytics/board.xhtml", Api.token("globex-admin")).body().contains(run),
        "nor does its board screen");
    assertTrue(Api.get("/analytics/board.xhtml", Api.token("acme-agent")).body().contains(costly));
  }

  @Test
  void closedLoopSettingsAreCheckedStrictlyAndKeptPerTenant() {
    String key = Api.key("acme-admin", "FULL");
    settings(key, "12.37");
    String before = Api.get(SETTINGS, key).body();

    Answer malformed =
        Api.put(
            SETTINGS,
            key,
            "{\"contactTypes\":\"ticket.created\",\"costPerContact\":\"cheap\",\"x\":1}");
    assertEquals(400, malformed.status(), malformed.body());
    for (String pointer : new String[] {"/contactTypes", "/costPerContact", "/currency", "/x"}) {
      assertTrue(
          malformed.body().contains("\"" + pointer + "\""), pointer + " " + malformed.body());
    }
    Answer broken =
        Api.put(
            SETTINGS,
            key,
            "{\"contactTypes\":[\"Ticket Created!\"],\"costPerContact\":-1,\"currency\":\"XYZ\"}");
    assertEquals(400, broken.status(), broken.body());
    assertTrue(broken.contentType().startsWith("application/problem+json"), broken.contentType());
    for (String pointer : new String[] {"/contactTypes", "/costPerContact", "/currency"}) {
      assertTrue(broken.body().contains("\"" + pointer + "\""), pointer + " " + broken.body());
    }
    assertEquals(before, Api.get(SETTINGS, key).body(), "nothing was stored");

    Answer saved =
        Api.put(
            SETTINGS,
            key,
            "{\"contactTypes\":[\"ticket.created\",\"portal.message\"],\"costPerContact\":12.37,"
                + "\"currency\":\"GBP\"}");
    assertEquals(200, saved.status(), saved.body());
    JsonObject acme = Api.get(SETTINGS, key).json();
    assertEquals(2, acme.getJsonArray("contactTypes").size());
    assertEquals("portal.message", acme.getJsonArray("contactTypes").getString(1));
    assertEquals("GBP", acme.getString("currency"));

    Answer globex = Api.get(SETTINGS, Api.key("globex-admin", "FULL"));
    assertEquals(200, globex.status());
    assertFalse(globex.body().contains("portal.message") || globex.body().contains("12.37"));
    settings(key, "12.37");
  }
}
