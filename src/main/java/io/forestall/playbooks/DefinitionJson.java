package io.forestall.playbooks;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.kernel.Channel;
import io.forestall.platform.rest.JsonInput;
import io.forestall.triggers.Aggregate;
import io.forestall.triggers.AttributeFilter;
import io.forestall.triggers.Comparison;
import io.forestall.triggers.Condition;
import io.forestall.triggers.Durations;
import io.forestall.triggers.Trigger;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A playbook definition as JSON: the API's body, the stored draft and every published version use
 * this one shape. Reading is strict; omitted optional fields take the documented defaults.
 */
public final class DefinitionJson {

  public static final String DEFAULT_SCHEDULE = "0 0 * * * ?";

  private static final Set<String> FIELDS =
      Set.of(
          "name",
          "description",
          "level",
          "priority",
          "schedule",
          "cooldown",
          "holdoutPercent",
          "verifyWindow",
          "trigger",
          "contactEventType",
          "rootCause",
          "messages",
          "options",
          "remedy",
          "offer");
  private static final Set<String> REMEDY_FIELDS = Set.of("action", "confirmBy");
  private static final Set<String> TRIGGER_FIELDS = Set.of("combine", "conditions", "audience");
  private static final Set<String> FILTER_FIELDS = Set.of("attribute", "operator", "value");

  private DefinitionJson() {}

  /** Reads a definition, collecting every type mistake with its pointer before failing. */
  public static PlaybookDefinition read(JsonValue body) {
    JsonInput in = JsonInput.of(body).allowOnly(FIELDS);
    Level level = enumOf(in, "level", Level.class, Level.ALERT);
    Trigger trigger = null;
    JsonInput t = in.nested("trigger");
    if (t == null) {
      if (!in.failed("trigger")) {
        in.error("trigger", "is required");
      }
    } else {
      t.allowOnly(TRIGGER_FIELDS);
      Trigger.Combine combine = enumOf(t, "combine", Trigger.Combine.class, Trigger.Combine.ALL);
      List<Condition> conditions = new ArrayList<>();
      for (JsonInput c : elements(t, "conditions", true)) {
        Condition condition = condition(c);
        if (condition != null) {
          conditions.add(condition);
        }
      }
      List<AttributeFilter> audience = filters(t, "audience");
      trigger = new Trigger(combine, conditions, audience);
    }
    PlaybookDefinition definition =
        new PlaybookDefinition(
            in.string("name"),
            in.string("description"),
            level,
            integer(in, "priority", 3),
            orElse(in.string("schedule"), DEFAULT_SCHEDULE),
            duration(in, "cooldown", Duration.ofDays(7)),
            integer(in, "holdoutPercent", 0),
            duration(in, "verifyWindow", Duration.ofDays(14)),
            trigger,
            in.string("contactEventType"),
            in.string("rootCause"),
            messages(in),
            options(in),
            remedy(in),
            offer(in));
    in.finish();
    return definition;
  }

  /** {@code {"EMAIL": 12}}: a channel's name to the id of the template its message uses. */
  private static Map<Channel, Long> messages(JsonInput in) {
    Map<Channel, Long> messages = new EnumMap<>(Channel.class);
    JsonInput m = in.nested("messages");
    if (m == null) {
      return messages;
    }
    for (String name : m.names()) {
      Channel channel;
      try {
        channel = Channel.valueOf(name);
      } catch (IllegalArgumentException e) {
        m.error(name, "is not a channel: one of EMAIL, SMS, WEBHOOK, ACTION_PAGE");
        continue;
      }
      BigDecimal id = m.number(name);
      if (id == null) {
        if (!m.failed(name)) {
          m.error(name, "must be a template id");
        }
      } else if (id.signum() <= 0 || id.stripTrailingZeros().scale() > 0) {
        m.error(name, "must be a template id");
      } else {
        messages.put(channel, id.longValue());
      }
    }
    return messages;
  }

  /** {@code ["Raise my limit", "Cap my spending"]}: the self-service choices. */
  private static List<String> options(JsonInput in) {
    JsonValue raw = in.raw("options");
    if (raw == null || raw.getValueType() == JsonValue.ValueType.NULL) {
      return List.of();
    }
    if (!(raw instanceof JsonArray array)) {
      in.error("options", "must be an array of texts");
      return List.of();
    }
    List<String> options = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i) instanceof JsonString text) {
        options.add(text.getString());
      } else {
        in.error("options/" + i, "must be a text");
      }
    }
    return options;
  }

  /** The id of the offer to show, or null. */
  private static Long offer(JsonInput in) {
    BigDecimal id = in.number("offer");
    if (id == null) {
      return null;
    }
    if (id.signum() <= 0 || id.stripTrailingZeros().scale() > 0) {
      in.error("offer", "must be an offer id");
      return null;
    }
    return id.longValue();
  }

  /** {@code {"action": "…", "confirmBy": "API"}}, or null. */
  private static Remedy remedy(JsonInput in) {
    JsonInput r = in.nested("remedy");
    if (r == null) {
      return null;
    }
    r.allowOnly(REMEDY_FIELDS);
    return new Remedy(
        r.string("action"),
        enumOf(r, "confirmBy", Remedy.Confirmation.class, Remedy.Confirmation.API));
  }

  public static PlaybookDefinition parse(String stored) {
    return read(JSON.createReader(new StringReader(stored)).readValue());
  }

  public static JsonObject write(PlaybookDefinition d) {
    JsonObjectBuilder json = JSON.createObjectBuilder().add("name", d.name());
    putIfPresent(json, "description", d.description());
    json.add("level", d.level().name())
        .add("priority", d.priority())
        .add("schedule", d.schedule())
        .add("cooldown", Durations.format(d.cooldown()))
        .add("holdoutPercent", d.holdoutPercent())
        .add("verifyWindow", Durations.format(d.verifyWindow()))
        .add("trigger", write(d.trigger()));
    putIfPresent(json, "contactEventType", d.contactEventType());
    putIfPresent(json, "rootCause", d.rootCause());
    if (!d.options().isEmpty()) {
      JsonArrayBuilder options = JSON.createArrayBuilder();
      d.options().forEach(options::add);
      json.add("options", options);
    }
    if (d.remedy() != null) {
      JsonObjectBuilder remedy = JSON.createObjectBuilder();
      putIfPresent(remedy, "action", d.remedy().action());
      json.add("remedy", remedy.add("confirmBy", d.remedy().confirmBy().name()));
    }
    if (d.offerId() != null) {
      json.add("offer", d.offerId());
    }
    if (!d.messages().isEmpty()) {
      JsonObjectBuilder messages = JSON.createObjectBuilder();
      d.messages().forEach((channel, template) -> messages.add(channel.name(), template));
      json.add("messages", messages);
    }
    return json.build();
  }

  public static JsonObject write(Trigger trigger) {
    JsonArrayBuilder conditions = JSON.createArrayBuilder();
    trigger.conditions().forEach(c -> conditions.add(write(c)));
    return JSON.createObjectBuilder()
        .add("combine", trigger.combine().name())
        .add("conditions", conditions)
        .add("audience", write(trigger.audience()))
        .build();
  }

  private static JsonObject write(Condition condition) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("kind", condition.kind().name())
            .add("eventType", condition.eventType());
    switch (condition.kind()) {
      case EVENT -> {
        Condition.Event e = (Condition.Event) condition;
        json.add("filters", write(e.filters())).add("within", Durations.format(e.within()));
      }
      case THRESHOLD -> {
        Condition.Threshold t = (Condition.Threshold) condition;
        json.add("aggregate", t.aggregate().name())
            .add("window", Durations.format(t.window()))
            .add("comparison", t.comparison().name())
            .add("value", t.value());
      }
      case CHANGE -> {
        Condition.Change c = (Condition.Change) condition;
        json.add("aggregate", c.aggregate().name())
            .add("window", Durations.format(c.window()))
            .add("baseline", Durations.format(c.baseline()))
            .add("comparison", c.comparison().name())
            .add("ratio", c.ratio());
      }
      case LAPSE -> {
        Condition.Lapse l = (Condition.Lapse) condition;
        json.add("minDays", l.minDays()).add("factor", l.factor());
      }
      case BURST -> {
        Condition.Burst b = (Condition.Burst) condition;
        json.add("count", b.count()).add("window", Durations.format(b.window()));
      }
      case COMPLAINT -> {
        Condition.Complaint c = (Condition.Complaint) condition;
        json.add("complexAt", c.complexAt()).add("within", Durations.format(c.within()));
      }
    }
    return json.build();
  }

  private static JsonArray write(List<AttributeFilter> filters) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    for (AttributeFilter f : filters) {
      JsonObjectBuilder json =
          JSON.createObjectBuilder()
              .add("attribute", f.attribute())
              .add("operator", f.operator().name());
      putIfPresent(json, "value", f.value());
      array.add(json);
    }
    return array.build();
  }

  private static Condition condition(JsonInput c) {
    Condition.Kind kind = enumOf(c, "kind", Condition.Kind.class, null);
    if (kind == null) {
      if (!c.failed("kind")) {
        c.error("kind", "is required: one of EVENT, THRESHOLD, CHANGE, LAPSE, BURST, COMPLAINT");
      }
      return null;
    }
    String type = c.string("eventType");
    return switch (kind) {
      case EVENT -> {
        c.allowOnly(Set.of("kind", "eventType", "filters", "within"));
        yield new Condition.Event(
            type, filters(c, "filters"), duration(c, "within", Condition.DEFAULT_WITHIN));
      }
      case THRESHOLD -> {
        c.allowOnly(Set.of("kind", "eventType", "aggregate", "window", "comparison", "value"));
        yield new Condition.Threshold(
            type,
            enumOf(c, "aggregate", Aggregate.class, Aggregate.COUNT),
            duration(c, "window", Duration.ofDays(1)),
            enumOf(c, "comparison", Comparison.class, Comparison.GT),
            required(c, "value", c.number("value")));
      }
      case CHANGE -> {
        c.allowOnly(
            Set.of("kind", "eventType", "aggregate", "window", "baseline", "comparison", "ratio"));
        yield new Condition.Change(
            type,
            enumOf(c, "aggregate", Aggregate.class, Aggregate.AVG),
            duration(c, "window", Duration.ofDays(31)),
            duration(c, "baseline", Duration.ofDays(90)),
            enumOf(c, "comparison", Comparison.class, Comparison.GT),
            required(c, "ratio", c.number("ratio")));
      }
      case LAPSE -> {
        c.allowOnly(Set.of("kind", "eventType", "minDays", "factor"));
        BigDecimal factor = c.number("factor");
        yield new Condition.Lapse(
            type, integer(c, "minDays", 30), factor == null ? new BigDecimal("1.5") : factor);
      }
      case BURST -> {
        c.allowOnly(Set.of("kind", "eventType", "count", "window"));
        yield new Condition.Burst(
            type, integer(c, "count", 5), duration(c, "window", Duration.ofMinutes(10)));
      }
      case COMPLAINT -> {
        c.allowOnly(Set.of("kind", "eventType", "complexAt", "within"));
        yield new Condition.Complaint(
            orElse(type, "complaint.created"),
            integer(c, "complexAt", 50),
            duration(c, "within", Condition.DEFAULT_WITHIN));
      }
    };
  }

  private static List<AttributeFilter> filters(JsonInput in, String name) {
    List<AttributeFilter> filters = new ArrayList<>();
    for (JsonInput f : elements(in, name, false)) {
      f.allowOnly(FILTER_FIELDS);
      AttributeFilter.Operator operator =
          enumOf(f, "operator", AttributeFilter.Operator.class, AttributeFilter.Operator.EQ);
      JsonValue raw = f.raw("value");
      String value = null;
      if (raw instanceof JsonNumber number) {
        value = number.bigDecimalValue().toPlainString();
      } else if (raw != null && raw.getValueType() != JsonValue.ValueType.NULL) {
        value = f.string("value");
      }
      filters.add(new AttributeFilter(f.string("attribute"), operator, value));
    }
    return filters;
  }

  private static List<JsonInput> elements(JsonInput in, String name, boolean required) {
    JsonValue raw = in.raw(name);
    if (raw == null || raw.getValueType() == JsonValue.ValueType.NULL) {
      if (required) {
        in.error(name, "is required: a list of conditions");
      }
      return List.of();
    }
    if (!(raw instanceof JsonArray array)) {
      in.error(name, "must be an array");
      return List.of();
    }
    List<JsonInput> elements = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonInput element = in.element(name, i, array.get(i));
      if (element != null) {
        elements.add(element);
      }
    }
    return elements;
  }

  private static <E extends Enum<E>> E enumOf(
      JsonInput in, String name, Class<E> type, E fallback) {
    String text = in.string(name);
    if (text == null) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      in.error(name, "must be one of " + List.of(type.getEnumConstants()));
      return fallback;
    }
  }

  private static Duration duration(JsonInput in, String name, Duration fallback) {
    String text = in.string(name);
    if (text == null) {
      return fallback;
    }
    Duration d = Durations.parse(text.strip());
    if (d == null) {
      in.error(name, "must be an ISO-8601 duration in whole minutes, such as P30D, PT1H or PT15M");
      return fallback;
    }
    return d;
  }

  private static int integer(JsonInput in, String name, int fallback) {
    BigDecimal n = in.number(name);
    if (n == null) {
      return fallback;
    }
    try {
      return n.intValueExact();
    } catch (ArithmeticException e) {
      in.error(name, "must be a whole number");
      return fallback;
    }
  }

  private static <T> T required(JsonInput in, String name, T value) {
    if (value == null && !in.failed(name)) {
      in.error(name, "is required");
    }
    return value;
  }

  private static String orElse(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  private static void putIfPresent(JsonObjectBuilder json, String name, String value) {
    if (value != null && !value.isBlank()) {
      json.add(name, value);
    }
  }
}
