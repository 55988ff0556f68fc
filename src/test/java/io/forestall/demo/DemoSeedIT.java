package io.forestall.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.testsupport.Api;
import io.forestall.testsupport.Deployments;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo seed's playbooks, published and scanned at startup, find exactly the customers their
 * seed scenario is about, with evidence in numbers; the other customers of the tenant stay quiet.
 */
@ExtendWith(ArquillianExtension.class)
class DemoSeedIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.forestall(DemoSeedIT.class);
  }

  @Test
  void eachDemoPlaybookFindsItsScenarioCustomers() {
    String acme = Api.token("acme-admin");
    assertFinds(
        acme,
        Map.of(
            "Bill shock", Set.of("ACME-1002", "ACME-1007"),
            "Usage drop", Set.of("ACME-1004", "ACME-1010"),
            "Rage clicks on payment", Set.of("ACME-1005"),
            "Complaint triage", Set.of("ACME-1003", "ACME-1011")));
    assertFinds(
        Api.token("globex-admin"),
        Map.of("Flug annulliert: umbuchen", Set.of("GX-FF-20001", "GX-FF-20004", "GX-FF-20008")));
    assertFinds(
        Api.token("brightwheel-admin"), Map.of("Oil change overdue", Set.of("BW-3002", "BW-3006")));

    JsonObject shock =
        casesOf(acme, playbookId(acme, "Bill shock")).stream()
            .filter(c -> c.getJsonObject("customer").getString("externalId").equals("ACME-1002"))
            .findFirst()
            .orElseThrow();
    assertTrue(shock.getString("summary").contains("182.40"), shock.toString());
    for (JsonObject c : casesOf(acme, playbookId(acme, "Bill shock"))) {
      JsonObject detail = Api.get("/api/v1/cases/" + c.getJsonNumber("id"), acme).json();
      assertEquals(
          c.getBoolean("holdout") ? 0 : 1,
          detail.getJsonArray("messages").size(),
          "one email per case written with the demo template, none when held out: " + detail);
    }

    String globex = Api.token("globex-admin");
    for (JsonObject c : casesOf(globex, playbookId(globex, "Flug annulliert: umbuchen"))) {
      JsonObject detail = Api.get("/api/v1/cases/" + c.getJsonNumber("id"), globex).json();
      assertEquals(
          Set.of("EMAIL", "SMS"),
          detail.getJsonArray("messages").stream()
              .map(m -> m.asJsonObject().getString("channel"))
              .collect(Collectors.toSet()),
          "an email and an SMS per case (the SMS unsent: the demo has no SMS provider): " + detail);
    }

    List<JsonObject> complaints = casesOf(acme, playbookId(acme, "Complaint triage"));
    Map<String, String> teams =
        complaints.stream()
            .collect(
                Collectors.toMap(
                    c -> c.getJsonObject("customer").getString("externalId"),
                    c ->
                        Api.get("/api/v1/cases/" + c.getJsonNumber("id"), acme)
                            .json()
                            .getJsonArray("tasks")
                            .getJsonObject(0)
                            .getString("team")));
    assertEquals(Map.of("ACME-1003", "Resolution hub", "ACME-1011", "Frontline"), teams);

    Set<String> openKinds =
        Api.get("/api/v1/tasks?status=open&limit=500", acme).json().getJsonArray("items").stream()
            .map(t -> t.asJsonObject().getString("kind"))
            .collect(Collectors.toSet());
    assertTrue(
        openKinds.containsAll(Set.of("TALK_TO_AGENT", "DECLINED_REMEDY")),
        "acme's queue opens with follow-ups besides the complaints: " + openKinds);
  }

  /** Each of {@code expected}'s playbooks by name, with the customers it has cases for. */
  private static Map<String, Set<String>> customersByPlaybook(
      String token, Map<String, Set<String>> expected) {
    return expected.keySet().stream()
        .collect(
            Collectors.toMap(
                name -> name,
                name ->
                    casesOf(token, playbookId(token, name)).stream()
                        .map(c -> c.getJsonObject("customer").getString("externalId"))
                        .collect(Collectors.toCollection(TreeSet::new))));
  }

  private static void assertFinds(String token, Map<String, Set<String>> expected) {
    assertEquals(expected, customersByPlaybook(token, expected));
  }

  private static long playbookId(String token, String name) {
    return Api.get("/api/v1/playbooks", token).json().getJsonArray("items").stream()
        .map(JsonValue::asJsonObject)
        .filter(p -> p.getString("name").equals(name))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("id")
        .longValue();
  }

  private static List<JsonObject> casesOf(String token, long playbook) {
    return Api.get("/api/v1/cases?playbook=" + playbook, token)
        .json()
        .getJsonArray("items")
        .stream()
        .map(JsonValue::asJsonObject)
        .toList();
  }
}
