package io.forestall.offers.rest;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.offers.Eligibility;
import io.forestall.offers.Offer;
import io.forestall.offers.OfferDraft;
import io.forestall.offers.OfferFunnel;
import io.forestall.platform.rest.JsonInput;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** An offer on the API, read strictly, written with its funnel when known. */
final class OfferJson {

  private static final Set<String> FIELDS =
      Set.of(
          "title",
          "description",
          "link",
          "validFrom",
          "validUntil",
          "eligibility",
          "revenue",
          "currency");
  private static final Set<String> RULE_FIELDS = Set.of("attribute", "operator", "value");

  private OfferJson() {}

  static OfferDraft read(JsonValue body) {
    JsonInput in = JsonInput.of(body).allowOnly(FIELDS);
    OfferDraft draft =
        new OfferDraft(
            in.string("title"),
            in.string("description"),
            in.string("link"),
            time(in, "validFrom"),
            time(in, "validUntil"),
            eligibility(in),
            in.number("revenue"),
            in.string("currency"));
    in.finish();
    return draft;
  }

  private static Eligibility eligibility(JsonInput in) {
    JsonValue raw = in.raw("eligibility");
    if (raw == null || raw.getValueType() == JsonValue.ValueType.NULL) {
      return new Eligibility(List.of());
    }
    if (!(raw instanceof JsonArray array)) {
      in.error("eligibility", "must be a list of rules");
      return new Eligibility(List.of());
    }
    List<Eligibility.Rule> rules = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonInput rule = in.element("eligibility", i, array.get(i));
      if (rule == null) {
        continue;
      }
      rule.allowOnly(RULE_FIELDS);
      Eligibility.Operator operator = null;
      String text = rule.string("operator");
      if (text != null) {
        try {
          operator = Eligibility.Operator.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          rule.error("operator", "must be one of " + List.of(Eligibility.Operator.values()));
        }
      }
      rules.add(new Eligibility.Rule(rule.string("attribute"), operator, rule.string("value")));
    }
    return new Eligibility(rules);
  }

  private static Instant time(JsonInput in, String name) {
    String text = in.string(name);
    if (text == null) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      in.error(name, "must be a time with offset, as 2026-12-01T00:00:00Z");
      return null;
    }
  }

  static JsonObjectBuilder of(Offer o, OfferFunnel funnel) {
    JsonArrayBuilder rules = JSON.createArrayBuilder();
    for (Eligibility.Rule r : o.getEligibility().rules()) {
      JsonObjectBuilder rule =
          JSON.createObjectBuilder()
              .add("attribute", r.attribute())
              .add("operator", r.operator().name());
      if (r.value() != null) {
        rule.add("value", r.value());
      }
      rules.add(rule);
    }
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("id", o.getId())
            .add("title", o.getTitle())
            .add("description", o.getDescription())
            .add("link", o.getLink())
            .add("eligibility", rules)
            .add("revenue", o.getRevenue())
            .add("currency", o.getCurrency());
    if (o.getValidFrom() != null) {
      json.add("validFrom", o.getValidFrom().toString());
    }
    if (o.getValidUntil() != null) {
      json.add("validUntil", o.getValidUntil().toString());
    }
    if (funnel != null) {
      json.add(
          "funnel",
          JSON.createObjectBuilder()
              .add("shown", funnel.shown())
              .add("clicked", funnel.clicked())
              .add("accepted", funnel.accepted())
              .add("revenue", funnel.revenue())
              .add("currency", funnel.currency()));
    }
    return json;
  }
}
