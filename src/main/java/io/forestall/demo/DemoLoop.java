package io.forestall.demo;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.cases.CaseQuery;
import io.forestall.cases.CaseRow;
import io.forestall.cases.CaseService;
import io.forestall.cases.CaseState;
import io.forestall.cases.CaseTransitions;
import io.forestall.cases.ClosedLoop;
import io.forestall.cases.ClosedLoopSettings;
import io.forestall.cases.LoopSettings;
import io.forestall.events.EventDraft;
import io.forestall.events.EventIngest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Takes some of a demo tenant's new cases around the closed loop, as {@code
 * /demo/<tenant>-loop.json} says, so the analytics open with figures: answered and resolved under a
 * root cause, then confirmed (verified) or contacted about again (reopened); a held-out customer
 * just contacts again. Also sets the tenant's cost per contact.
 */
@ApplicationScoped
class DemoLoop {

  @Inject CaseService cases;
  @Inject CaseTransitions transitions;
  @Inject ClosedLoop loop;
  @Inject ClosedLoopSettings settings;
  @Inject EventIngest events;
  @Inject Clock clock;

  /** For the current tenant, whose playbooks (by name) were just created and scanned. */
  void run(String tenant, Map<String, Long> playbooks) {
    JsonObject script = script(tenant);
    if (script == null) {
      return;
    }
    settings.save(
        new LoopSettings(
            LoopSettings.DEFAULTS.contactTypes(),
            new BigDecimal(script.getString("costPerContact")),
            script.getString("currency")));
    Instant start = clock.instant();
    List<EventDraft> contacts = new ArrayList<>();
    for (JsonValue value : script.getJsonArray("cases")) {
      JsonObject step = value.asJsonObject();
      Long playbook = playbooks.get(step.getString("playbook"));
      if (playbook == null) {
        continue;
      }
      String customer = step.getString("customer");
      for (CaseRow row : cases.list(new CaseQuery(playbook, null, customer, null, 0, 10))) {
        long id = row.getId();
        String then = step.getString("then");
        if (row.getCase().getState() != CaseState.HELD_OUT) {
          transitions.respond(id, "The customer answered the message.");
          transitions.resolve(id, step.getString("rootCause"), "Fixed and explained.");
          if (then.equals("VERIFY")) {
            transitions.verify(id, "The customer confirmed the fix.");
          }
        }
        if (then.equals("REOPEN") || row.getCase().getState() == CaseState.HELD_OUT) {
          contacts.add(contact(tenant, customer, playbook));
        }
      }
    }
    if (!contacts.isEmpty()) {
      events.ingest(contacts);
      loop.reopen(start, clock.instant());
    }
  }

  /** The customer's call about the same problem, a moment after its resolution. */
  private EventDraft contact(String tenant, String customer, long playbook) {
    return new EventDraft(
        "demo-contact-" + tenant + "-" + playbook + "-" + customer,
        customer,
        "ticket.created",
        OffsetDateTime.ofInstant(clock.instant().plusSeconds(1), ZoneOffset.UTC),
        null,
        JSON.createObjectBuilder()
            .add("channel", "phone")
            .add("subject", "Still a problem")
            .build());
  }

  private static JsonObject script(String tenant) {
    try (InputStream in = DemoLoop.class.getResourceAsStream("/demo/" + tenant + "-loop.json")) {
      if (in == null) {
        return null;
      }
      try (JsonReader reader = JSON.createReader(in)) {
        return reader.readObject();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
