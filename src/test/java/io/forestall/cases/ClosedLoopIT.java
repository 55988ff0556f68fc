package io.forestall.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.cases.jobs.VerifyCasesJob;
import io.forestall.kernel.IntegrationEvent;
import io.forestall.kernel.Role;
import io.forestall.testsupport.Api;
import io.forestall.testsupport.As;
import io.forestall.testsupport.Deployments;
import io.forestall.testsupport.Scenario;
import io.forestall.testsupport.Wait;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;

/**
 * The closed loop in the server: a contact within the verify window reopens a resolved case
 * promptly (one more repeat contact, a step, {@code case.reopened} told to integrations); the daily
 * sweep, run with a later moment instead of waiting, verifies the quiet case and changes nothing
 * when run again; a held-out customer's contact is counted without moving the case.
 */
@ExtendWith(ArquillianExtension.class)
class ClosedLoopIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.forestall(ClosedLoopIT.class);
  }

  /** Collects what the server tells integrations, to check reopenings are told. */
  @ApplicationScoped
  public static class Told {
    static final Queue<IntegrationEvent> EVENTS = new ConcurrentLinkedQueue<>();

    void seen(@Observes IntegrationEvent event) {
      EVENTS.add(event);
    }
  }

  @Inject CaseTransitions transitions;
  @Inject CaseService cases;
  @Inject ClosedLoop loop;
  @Inject Scheduler scheduler;

  private String key;

  @BeforeEach
  void settings() {
    key = Api.key("acme-admin", "FULL");
    Api.Answer saved =
        Api.put(
            "/api/v1/settings/closed-loop",
            key,
            "{\"contactTypes\":[\"ticket.created\",\"call.received\"],\"costPerContact\":7.5,"
                + "\"currency\":\"GBP\"}");
    assertEquals(200, saved.status(), saved.body());
  }

  private CustomerCase read(long id) {
    return As.user("acme", Role.AGENT, () -> cases.get(id).getCase());
  }

  private List<CaseStep> timeline(long id) {
    return As.user("acme", Role.AGENT, () -> transitions.timeline(id));
  }

  @Test
  void aContactWithinTheWindowReopensAndTheSweepVerifiesTheQuietCase() throws Exception {
    String run = Scenario.unique("");
    String type = "loop.check_" + run;
    long playbook = Scenario.playbook(key, "Loop " + run, type, 0, "P7D");
    String back = "LOOP-B-" + run;
    String quiet = "LOOP-Q-" + run;
    Scenario.events(key, type, List.of(back, quiet));
    List<JsonObject> found = Scenario.awaitCases(key, playbook, 2);
    long reopened = Scenario.caseOf(found, back);
    long verified = Scenario.caseOf(found, quiet);
    As.user(
        "acme",
        Role.AGENT,
        () -> {
          transitions.resolve(reopened, "Loop cause " + run, "Fixed");
          transitions.resolve(verified, "Loop cause " + run, "Fixed");
        });
    CustomerCase resolved = read(verified);
    assertEquals(CaseState.RESOLVED, resolved.getState());
    assertEquals(
        resolved.getResolvedAt().plus(Duration.ofDays(7)), resolved.getVerifyUntil(), "window");

    Scenario.contact(key, back);
    Wait.until(
        "case " + reopened + " is reopened",
        Duration.ofSeconds(15),
        () -> read(reopened).getState(),
        state -> state == CaseState.REOPENED);
    CustomerCase c = read(reopened);
    assertEquals(1, c.getRepeatContacts());
    assertNotNull(c.getReopenedAt());
    CaseStep step = timeline(reopened).get(timeline(reopened).size() - 1);
    assertEquals(CaseState.REOPENED, step.getState());
    assertTrue(step.getNote().contains("ticket.created"), step.getNote());
    assertTrue(
        Told.EVENTS.stream()
            .anyMatch(
                e ->
                    e.type().equals(IntegrationEvent.CASE_REOPENED)
                        && e.subject().equals("case_" + reopened)),
        "case.reopened is told to integrations");
    assertEquals(CaseState.RESOLVED, read(verified).getState());

    Instant later = resolved.getVerifyUntil().plusSeconds(60);
    LoopRun first = As.user("acme", Role.AGENT, () -> loop.sweep(later));
    assertTrue(first.verified() >= 1, first.toString());
    CustomerCase done = read(verified);
    assertEquals(CaseState.VERIFIED, done.getState());
    assertNotNull(done.getVerifiedAt());
    assertEquals(
        CaseState.VERIFIED, timeline(verified).get(timeline(verified).size() - 1).getState());
    assertEquals(CaseState.REOPENED, read(reopened).getState());

    LoopRun second = As.user("acme", Role.AGENT, () -> loop.sweep(later));
    assertEquals(LoopRun.NOTHING, second, "a second run changes nothing");
    int steps = timeline(verified).size();

    Scenario.contact(key, quiet);
    As.user("acme", Role.AGENT, () -> loop.reopen(Instant.EPOCH, Instant.now()));
    assertEquals(CaseState.VERIFIED, read(verified).getState(), "a verified case stays verified");
    assertEquals(steps, timeline(verified).size());
  }

  @Test
  void theVerificationIsScheduledDaily() throws Exception {
    var trigger =
        scheduler.getTrigger(
            TriggerKey.triggerKey(VerifyCasesJob.KEY.getName(), VerifyCasesJob.KEY.getGroup()));
    assertTrue(trigger instanceof CronTrigger);
    assertEquals("0 15 3 * * ?", ((CronTrigger) trigger).getCronExpression());
  }

  @Test
  void aHeldOutCustomersContactCountsWithoutMovingTheCase() throws Exception {
    String run = Scenario.unique("");
    String type = "loop.held_" + run;
    long playbook = Scenario.playbook(key, "Held " + run, type, 50, "P14D");
    List<String> customers = IntStream.range(0, 12).mapToObj(i -> "HELD-" + i + "-" + run).toList();
    Scenario.events(key, type, customers);
    List<JsonObject> found = Scenario.awaitCases(key, playbook, 12);
    JsonObject held =
        found.stream()
            .filter(x -> x.getString("state").equals("HELD_OUT"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("half of 12 customers are held out"));
    long id = held.getJsonNumber("id").longValue();

    Scenario.contact(key, held.getJsonObject("customer").getString("externalId"));
    Wait.until(
        "held-out case " + id + " counts the contact",
        Duration.ofSeconds(15),
        () -> read(id).getRepeatContacts(),
        repeats -> repeats == 1);
    CustomerCase c = read(id);
    assertEquals(CaseState.HELD_OUT, c.getState());
    assertEquals(CaseState.HELD_OUT, timeline(id).get(timeline(id).size() - 1).getState());

    As.user("acme", Role.AGENT, () -> loop.sweep(Instant.now()));
    assertEquals(1, read(id).getRepeatContacts(), "each contact is counted once");
    JsonObject api = Api.get("/api/v1/cases/" + id, key).json();
    assertEquals(1, api.getInt("repeatContacts"));
    assertEquals("HELD_OUT", api.getString("state"));
  }
}
