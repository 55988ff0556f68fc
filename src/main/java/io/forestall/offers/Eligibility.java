package io.forestall.offers;

import static io.forestall.kernel.JsonFactory.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Who may get an offer: rules on the customer's attributes, all of which must hold ({@code segment
 * EQ consumer}, {@code monthlySpend GT 40}, {@code plan IN basic,flex}, {@code churnRisk EXISTS}).
 */
public record Eligibility(List<Rule> rules) {

  /** How a rule compares the attribute with its value. */
  public enum Operator {
    EQ,
    NE,
    IN,
    GT,
    LT,
    EXISTS
  }

  public record Rule(String attribute, Operator operator, String value) {}

  public Eligibility {
    rules = List.copyOf(rules);
  }

  /** Whether a customer with these attributes (a JSON object) may get the offer. */
  public boolean admits(JsonObject attributes) {
    for (Rule rule : rules) {
      if (!holds(rule, attributes.get(rule.attribute()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean holds(Rule rule, JsonValue actual) {
    if (rule.operator() == Operator.EXISTS) {
      return actual != null && actual.getValueType() != JsonValue.ValueType.NULL;
    }
    if (actual == null || actual.getValueType() == JsonValue.ValueType.NULL) {
      return rule.operator() == Operator.NE;
    }
    String text =
        actual instanceof JsonString s
            ? s.getString()
            : actual instanceof JsonNumber n
                ? n.bigDecimalValue().toPlainString()
                : actual.toString();
    return switch (rule.operator()) {
      case EQ -> text.equalsIgnoreCase(rule.value());
      case NE -> !text.equalsIgnoreCase(rule.value());
      case IN ->
          List.of(rule.value().toLowerCase(Locale.ROOT).split("\\s*,\\s*"))
              .contains(text.toLowerCase(Locale.ROOT));
      case GT, LT -> compare(text, rule.value(), rule.operator());
      case EXISTS -> true;
    };
  }

  private static boolean compare(String actual, String limit, Operator operator) {
    try {
      int order = new BigDecimal(actual).compareTo(new BigDecimal(limit));
      return operator == Operator.GT ? order > 0 : order < 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** What is wrong with each rule, pointed at {@code /eligibility/<index>/<field>}. */
  List<String[]> problems() {
    List<String[]> problems = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      String at = "/eligibility/" + i;
      if (rule.attribute() == null || !rule.attribute().matches("[A-Za-z0-9_.-]{1,60}")) {
        problems.add(
            new String[] {at + "/attribute", "must be an attribute name (letters, digits, _ . -)"});
      }
      if (rule.operator() == null) {
        problems.add(
            new String[] {at + "/operator", "must be one of " + List.of(Operator.values())});
      } else if (rule.operator() != Operator.EXISTS
          && (rule.value() == null || rule.value().isBlank() || rule.value().length() > 200)) {
        problems.add(new String[] {at + "/value", "is required, at most 200 characters"});
      } else if ((rule.operator() == Operator.GT || rule.operator() == Operator.LT)
          && !rule.value().strip().matches("-?\\d+(\\.\\d+)?")) {
        problems.add(new String[] {at + "/value", "must be a number for " + rule.operator()});
      }
    }
    if (rules.size() > 10) {
      problems.add(new String[] {"/eligibility", "may have at most 10 rules"});
    }
    return problems;
  }

  public String toJson() {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    for (Rule r : rules) {
      var rule =
          JSON.createObjectBuilder()
              .add("attribute", r.attribute())
              .add("operator", r.operator().name());
      if (r.value() != null) {
        rule.add("value", r.value());
      }
      array.add(rule);
    }
    return array.build().toString();
  }

  public static Eligibility fromJson(String json) {
    List<Rule> rules = new ArrayList<>();
    for (JsonValue v : JSON.createReader(new StringReader(json)).readArray()) {
      JsonObject o = v.asJsonObject();
      rules.add(
          new Rule(
              o.getString("attribute"),
              Operator.valueOf(o.getString("operator")),
              o.containsKey("value") ? o.getString("value") : null));
    }
    return new Eligibility(rules);
  }
}
