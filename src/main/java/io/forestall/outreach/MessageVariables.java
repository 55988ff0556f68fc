package io.forestall.outreach;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variables a template may use, each with a sample value: the editor lists them and checks a
 * template against them, so a misspelt name is an error before publishing, not a blank in a
 * customer's message.
 */
public final class MessageVariables {

  /** Evidence fields the trigger kinds record; which ones a case has depends on its playbook. */
  static final List<String> EVIDENCE =
      List.of(
          "summary",
          "eventType",
          "kind",
          "value",
          "occurredAt",
          "measured",
          "limit",
          "events",
          "recent",
          "baseline",
          "ratio",
          "changePercent",
          "lastAt",
          "daysSince",
          "usualIntervalDays",
          "count",
          "spanSeconds",
          "score");

  static final Map<String, Object> SAMPLE = sample();

  private MessageVariables() {}

  /** Every variable name, dotted, as the editor lists them. */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    collect("", SAMPLE, names);
    return names;
  }

  private static void collect(String prefix, Map<?, ?> map, List<String> names) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String name = prefix + e.getKey();
      if (e.getValue() instanceof AnyKey) {
        names.add(name + ".*");
      } else if (e.getValue() instanceof Map<?, ?> nested) {
        collect(name + ".", nested, names);
      } else if (e.getValue() instanceof List<?> list) {
        names.add(
            name
                + " (a list: "
                + String.join(
                    ", ",
                    ((Map<?, ?>) list.get(0)).keySet().stream().map(Object::toString).toList())
                + ")");
      } else {
        names.add(name);
      }
    }
  }

  private static Map<String, Object> sample() {
    Map<String, Object> customer = new LinkedHashMap<>();
    customer.put("name", "Olivia Bennett");
    customer.put("firstName", "Olivia");
    customer.put("externalId", "ACME-1001");
    customer.put("email", "olivia.bennett@example.com");
    customer.put("phone", "+447700900101");
    customer.put("locale", "en");
    customer.put("attributes", new AnyKey());
    Map<String, Object> theCase = new LinkedHashMap<>();
    theCase.put("id", 42);
    theCase.put("summary", "bill.issued 182.40 vs 96.10 over the 90 days before, +90 %");
    theCase.put("detectedAt", "2026-11-22 06:00 GMT");
    theCase.put("level", "ALERT");
    theCase.put("priority", 2);
    Map<String, Object> evidence = new LinkedHashMap<>();
    for (String field : EVIDENCE) {
      evidence.put(field, "…");
    }
    evidence.put("attributes", new AnyKey());
    Map<String, Object> finding = new LinkedHashMap<>(evidence);
    evidence.put("findings", List.of(finding));
    Map<String, Object> sample = new LinkedHashMap<>();
    sample.put("customer", customer);
    sample.put("case", theCase);
    sample.put("evidence", evidence);
    sample.put("playbook", Map.of("name", "Bill shock", "description", "…"));
    sample.put("tenant", Map.of("name", "Acme Telecom"));
    sample.put("remedy", Map.of("action", "rebooked you on LH 401 tomorrow at 07:10"));
    sample.put(
        "offer",
        Map.of(
            "id", 7,
            "title", "Unlimited data for £10 a month",
            "description", "Never think about your allowance again.",
            "link", "https://forestall.example/r/…/offer"));
    sample.put(
        "links",
        Map.of(
            "action", "https://forestall.example/r/…",
            "optOut", "https://forestall.example/r/…/opt-out",
            "openPixel", "https://forestall.example/r/…/open.gif",
            "offer", "https://forestall.example/r/…/offer"));
    return sample;
  }

  /** Customer and event attributes: any name is allowed, since each tenant sends its own. */
  static final class AnyKey extends AbstractMap<String, Object> {
    @Override
    public boolean containsKey(Object key) {
      return true;
    }

    @Override
    public Object get(Object key) {
      return "…";
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return Set.of();
    }
  }
}
