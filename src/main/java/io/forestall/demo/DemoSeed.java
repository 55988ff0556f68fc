package io.forestall.demo;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.cases.CaseQuery;
import io.forestall.cases.CaseService;
import io.forestall.customers.CustomerDraft;
import io.forestall.customers.CustomerService;
import io.forestall.events.EventDraft;
import io.forestall.events.EventIngest;
import io.forestall.kernel.Caller;
import io.forestall.kernel.TenantContext;
import io.forestall.kernel.TenantKey;
import io.forestall.offers.Eligibility;
import io.forestall.offers.OfferDraft;
import io.forestall.offers.OfferService;
import io.forestall.outreach.TemplateContent;
import io.forestall.outreach.TemplateService;
import io.forestall.platform.quartz.QuartzScheduler;
import io.forestall.playbooks.DefinitionJson;
import io.forestall.playbooks.Playbook;
import io.forestall.playbooks.PlaybookDefinition;
import io.forestall.playbooks.PlaybookService;
import io.forestall.playbooks.ScanMode;
import io.forestall.playbooks.ScanService;
import io.forestall.tasks.AgentTask;
import io.forestall.tasks.AgentTaskService;
import io.forestall.tenants.Tenant;
import io.forestall.tenants.TenantService;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seeds the demo tenants, their customers, event histories, message templates and playbooks after
 * the migrations, when the demo is switched on.
 */
@ApplicationScoped
class DemoSeed {

  private static final Logger LOG = Logger.getLogger(DemoSeed.class.getName());

  @Inject
  @ConfigProperty(name = "forestall.demo", defaultValue = "false")
  boolean enabled;

  @Inject TenantService tenants;
  @Inject CustomerService customers;
  @Inject EventIngest events;
  @Inject PlaybookService playbooks;
  @Inject ScanService scans;
  @Inject TemplateService messageTemplates;
  @Inject OfferService offerCatalogue;
  @Inject CaseService cases;
  @Inject AgentTaskService agentTasks;
  @Inject DemoLoop loop;
  @Inject Clock clock;

  void seed(@Observes @Priority(QuartzScheduler.PRIORITY + 100) Startup startup) {
    if (!enabled) {
      return;
    }
    Instant now = clock.instant();
    Caller.runAs(
        Caller.SYSTEM,
        () -> {
          Tenant acme = tenants.ensure("acme", "Acme Telecom", "Europe/London", "en");
          seed(acme, DemoCustomers.ACME, DemoEvents.acme(now, DemoCustomers.ACME));
          followUps(acme, now);
          seed(
              tenants.ensure("globex", "Globex Airlines", "Europe/Berlin", "de"),
              DemoCustomers.GLOBEX,
              DemoEvents.globex(now, DemoCustomers.GLOBEX));
          seed(
              tenants.ensure("brightwheel", "Brightwheel Garages", "Europe/London", "en"),
              DemoCustomers.BRIGHTWHEEL,
              DemoEvents.brightwheel(now));
        });
    LOG.info("Demo tenants acme, globex and brightwheel are seeded");
  }

  /**
   * Customers, their event history, the tenant's message templates, then its playbooks (with their
   * templates), each published and scanned once so the demo opens with cases and messages, and some
   * of those cases taken around the closed loop. Templates and playbooks that exist by name are
   * left as the tenant changed them.
   */
  private void seed(Tenant tenant, List<DemoCustomers.Row> rows, List<EventDraft> history) {
    TenantContext.run(
        new TenantKey(tenant.getId(), tenant.getSlug()),
        () -> {
          for (DemoCustomers.Row row : rows) {
            if (customers.findByExternalId(row.externalId()).isEmpty()) {
              customers.create(draft(row));
            }
          }
          for (int from = 0; from < history.size(); from += EventIngest.MAX_BATCH) {
            events.ingest(
                history.subList(from, Math.min(history.size(), from + EventIngest.MAX_BATCH)));
          }
          Map<String, JsonObject> messages = templates(tenant.getSlug());
          Map<String, Long> offerOf = offers(tenant.getSlug());
          Set<String> existing =
              playbooks.list().stream().map(Playbook::getName).collect(Collectors.toSet());
          Map<String, Long> created = new HashMap<>();
          for (JsonValue json : resource(tenant.getSlug() + "-playbooks.json")) {
            String name = json.asJsonObject().getString("name");
            JsonObjectBuilder withOutreach = JSON.createObjectBuilder(json.asJsonObject());
            if (messages.containsKey(name)) {
              withOutreach.add("messages", messages.get(name));
            }
            if (offerOf.containsKey(name)) {
              withOutreach.add("offer", offerOf.get(name));
            }
            PlaybookDefinition definition = DefinitionJson.read(withOutreach.build());
            if (!existing.contains(definition.name())) {
              long id = playbooks.create(definition).getId();
              playbooks.publish(id);
              scans.scan(id, ScanMode.MANUAL);
              created.put(definition.name(), id);
            }
          }
          if (!created.isEmpty()) {
            loop.run(tenant.getSlug(), created);
          }
        });
  }

  /**
   * Besides the complaint triage's tasks, acme's work queue opens with customers who answered their
   * outreach: one asked for an agent about the bill, one undid the plan change (each task shows its
   * case's evidence). Opening is idempotent per case and kind, so a restart adds nothing and a
   * closed task stays closed.
   */
  private void followUps(Tenant tenant, Instant now) {
    TenantContext.run(
        new TenantKey(tenant.getId(), tenant.getSlug()),
        () -> {
          followUp(
              "Bill shock",
              "ACME-1002",
              AgentTask.TALK_TO_AGENT,
              "Frontline",
              2,
              now.plus(Duration.ofMinutes(45)));
          followUp(
              "Usage drop",
              "ACME-1004",
              AgentTask.DECLINED_REMEDY,
              "Retention",
              2,
              now.plus(Duration.ofHours(4)));
        });
  }

  private void followUp(
      String playbook, String customer, String kind, String team, int priority, Instant due) {
    playbooks.list().stream()
        .filter(p -> p.getName().equals(playbook))
        .findFirst()
        .flatMap(
            p ->
                cases.list(new CaseQuery(p.getId(), null, customer, null, 0, 1)).stream()
                    .findFirst())
        .ifPresent(c -> agentTasks.open(c.getId(), kind, team, priority, due, null));
  }

  /**
   * The tenant's demo templates, published (or found by name), as each playbook's {@code messages}:
   * playbook name to {@code {"EMAIL": id, "SMS": id}}.
   */
  private Map<String, JsonObject> templates(String tenant) {
    Map<String, Long> existing = new HashMap<>();
    messageTemplates.list().forEach(t -> existing.put(t.getName(), t.getId()));
    Map<String, JsonObjectBuilder> byPlaybook = new HashMap<>();
    for (JsonValue value : resource(tenant + "-templates.json")) {
      JsonObject t = value.asJsonObject();
      Long id = existing.get(t.getString("name"));
      if (id == null) {
        id =
            messageTemplates
                .create(t.getString("name"), TemplateContent.fromJson(t.toString()))
                .getId();
        messageTemplates.publish(id);
      }
      byPlaybook
          .computeIfAbsent(t.getString("playbook"), p -> JSON.createObjectBuilder())
          .add(t.getString("channel"), id);
    }
    Map<String, JsonObject> messages = new HashMap<>();
    byPlaybook.forEach((playbook, channels) -> messages.put(playbook, channels.build()));
    return messages;
  }

  /** The tenant's demo offers (or found by title), as playbook name to offer id. */
  private Map<String, Long> offers(String tenant) {
    Map<String, Long> existing = new HashMap<>();
    offerCatalogue.list().forEach(o -> existing.put(o.getTitle(), o.getId()));
    Map<String, Long> byPlaybook = new HashMap<>();
    for (JsonValue value : resource(tenant + "-offers.json")) {
      JsonObject o = value.asJsonObject();
      Long id = existing.get(o.getString("title"));
      if (id == null) {
        id =
            offerCatalogue
                .create(
                    new OfferDraft(
                        o.getString("title"),
                        o.getString("description"),
                        o.getString("link"),
                        null,
                        null,
                        Eligibility.fromJson(o.getJsonArray("eligibility").toString()),
                        o.getJsonNumber("revenue").bigDecimalValue(),
                        o.getString("currency")))
                .getId();
      }
      byPlaybook.put(o.getString("playbook"), id);
    }
    return byPlaybook;
  }

  /** A JSON array from {@code /demo/}, or an empty one when the tenant has no such file. */
  private static JsonArray resource(String file) {
    try (InputStream in = DemoSeed.class.getResourceAsStream("/demo/" + file)) {
      if (in == null) {
        return JsonValue.EMPTY_JSON_ARRAY;
      }
      try (JsonReader reader = JSON.createReader(in)) {
        return reader.readArray();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CustomerDraft draft(DemoCustomers.Row row) {
    JsonObject attributes =
        JSON.createObjectBuilder()
            .add("plan", row.plan())
            .add("segment", row.segment())
            .add("country", row.country())
            .build();
    return new CustomerDraft(
        row.externalId(),
        row.name(),
        row.email(),
        row.phone(),
        row.locale(),
        row.timeZone(),
        attributes,
        true,
        row.phone() != null);
  }
}
