package io.forestall.outreach;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.cases.CaseRow;
import io.forestall.cases.CaseService;
import io.forestall.cases.CustomerCase;
import io.forestall.customers.Customer;
import io.forestall.customers.CustomerService;
import io.forestall.kernel.LocalTimes;
import io.forestall.kernel.NotFoundException;
import io.forestall.kernel.TenantContext;
import io.forestall.kernel.TenantDirectory;
import io.forestall.kernel.TenantProfile;
import io.forestall.offers.Offer;
import io.forestall.offers.OfferService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values of {@link MessageVariables} for one case: its customer, the case, the evidence of its
 * first matching condition (and all findings as a list), its playbook, the tenant and links
 * (previews' go nowhere; the dispatcher puts in each message's own). Every known name is present,
 * empty where the case has no value, so rendering never meets an unknown name.
 */
@ApplicationScoped
public class MessageContexts {

  @Inject CaseService cases;
  @Inject CustomerService customers;
  @Inject TenantDirectory tenants;
  @Inject ActionLinks links;
  @Inject OutreachPlans plans;
  @Inject OfferService offers;
  @Inject Clock clock;

  /** The values for a preview, whose links go nowhere. */
  public Map<String, Object> forCase(long caseId) {
    CaseRow row = cases.get(caseId);
    Customer customer =
        customers
            .findByExternalId(row.getCustomerExternalId())
            .orElseThrow(() -> new NotFoundException("Customer", row.getCustomerExternalId()));
    return forMessage(row, customer, links.preview());
  }

  /**
   * The values for one message of the case in {@code row} to {@code customer}, which the caller has
   * read already, with the message's own {@code links} (from {@link ActionLinks#of}).
   */
  public Map<String, Object> forMessage(CaseRow row, Customer customer, Map<String, Object> links) {
    CustomerCase c = row.getCase();
    TenantProfile tenant = tenants.find(TenantContext.require().slug()).orElseThrow();
    ZoneId zone = tenant.zone();

    Map<String, Object> who = new HashMap<>();
    who.put("name", customer.getName());
    who.put("firstName", firstName(customer.getName()));
    who.put("externalId", customer.getExternalId());
    who.put("email", customer.getEmail());
    who.put("phone", customer.getPhone());
    who.put("locale", customer.getLocale());
    who.put("attributes", new Attributes(values(json(customer.getAttributes()))));

    Map<String, Object> theCase = new HashMap<>();
    theCase.put("id", c.getId());
    theCase.put("summary", c.getSummary());
    theCase.put("detectedAt", LocalTimes.minute(c.getDetectedAt(), zone));
    theCase.put("level", c.getLevel());
    theCase.put("priority", c.getPriority());

    Map<String, Object> context = new HashMap<>();
    context.put("customer", who);
    context.put("case", theCase);
    context.put("evidence", evidence(json(c.getEvidence())));
    context.put("playbook", Map.of("name", row.getPlaybookName(), "description", ""));
    context.put("tenant", Map.of("name", tenant.name()));
    context.put("links", links);
    Optional<OutreachPlan> plan = plans.find(c.getPlaybookId(), c.getPlaybookVersion());
    context.put("remedy", Map.of("action", plan.map(OutreachPlan::remedyAction).orElse("")));
    context.put(
        "offer",
        offerFor(row, customer)
            .map(
                o ->
                    Map.<String, Object>of(
                        "id",
                        o.getId(),
                        "title",
                        o.getTitle(),
                        "description",
                        o.getDescription(),
                        "link",
                        links.get("offer")))
            .orElse(null));
    return context;
  }

  /** The offer the case's playbook shows, when it is valid now and the customer is eligible. */
  Optional<Offer> offerFor(CaseRow row, Customer customer) {
    return plans
        .find(row.getCase().getPlaybookId(), row.getCase().getPlaybookVersion())
        .map(OutreachPlan::offerId)
        .flatMap(id -> offers.forCustomer(id, json(customer.getAttributes()), clock.instant()));
  }

  /** The first matched finding's fields, and every matched finding as {@code findings}. */
  private static Map<String, Object> evidence(JsonObject evidence) {
    List<Map<String, Object>> findings = new ArrayList<>();
    for (JsonValue f : evidence.getJsonArray("findings")) {
      JsonObject finding = f.asJsonObject();
      if (!finding.getBoolean("matched")) {
        continue;
      }
      Map<String, Object> fields = new HashMap<>();
      MessageVariables.EVIDENCE.forEach(name -> fields.put(name, null));
      fields.putAll(values(finding.getJsonObject("data")));
      fields.put(
          "attributes",
          new Attributes(
              fields.get("attributes") instanceof Map<?, ?> attributes
                  ? cast(attributes)
                  : Map.of()));
      fields.put("summary", finding.getString("summary"));
      fields.put("eventType", finding.getString("eventType"));
      fields.put("kind", finding.getString("kind"));
      findings.add(fields);
    }
    Map<String, Object> first = new HashMap<>();
    MessageVariables.EVIDENCE.forEach(name -> first.put(name, null));
    first.put("attributes", new Attributes(Map.of()));
    if (!findings.isEmpty()) {
      first.putAll(findings.get(0));
    }
    first.put("findings", findings);
    return first;
  }

  /** A JSON object's members as plain values: strings, numbers as written, objects as maps. */
  private static Map<String, Object> values(JsonObject json) {
    Map<String, Object> values = new LinkedHashMap<>();
    json.forEach((name, value) -> values.put(name, plain(value)));
    return values;
  }

  private static Object plain(JsonValue value) {
    return switch (value.getValueType()) {
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> ((JsonNumber) value).bigDecimalValue().toPlainString();
      case OBJECT -> values(value.asJsonObject());
      case TRUE -> true;
      case FALSE -> false;
      default -> null;
    };
  }

  private static JsonObject json(String text) {
    return JSON.createReader(new StringReader(text == null ? "{}" : text)).readObject();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  /** Attributes of a customer or event: one that is missing reads as empty, not as unknown. */
  private static final class Attributes extends HashMap<String, Object> {
    Attributes(Map<String, Object> values) {
      super(values);
    }

    @Override
    public boolean containsKey(Object key) {
      return true;
    }
  }

  private static String firstName(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    return name.strip().split("\\s+")[0];
  }
}
