package io.forestall.audit;

import static io.forestall.kernel.JsonFactory.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON of a subject's state before or after a change, field by field: each caller names what it
 * records, so a secret reaches the log only if someone names it on purpose.
 */
public final class AuditState {

  private final Map<String, JsonValue> fields = new LinkedHashMap<>();

  private AuditState() {}

  public static AuditState of() {
    return new AuditState();
  }

  /**
   * Adds a text, whole number, decimal, flag or collection (as texts); anything else as its text,
   * and null as JSON null.
   */
  public AuditState with(String name, Object value) {
    fields.put(name, value(value));
    return this;
  }

  /** The state as one JSON object, its fields in the order they were added. */
  public String json() {
    JsonObjectBuilder json = JSON.createObjectBuilder();
    fields.forEach(json::add);
    return json.build().toString();
  }

  private static JsonValue value(Object value) {
    if (value == null) {
      return JsonValue.NULL;
    }
    if (value instanceof Boolean flag) {
      return flag ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (value instanceof Integer || value instanceof Long) {
      return JSON.createValue(((Number) value).longValue());
    }
    if (value instanceof BigDecimal decimal) {
      return JSON.createValue(decimal);
    }
    if (value instanceof Collection<?> items) {
      JsonArrayBuilder array = JSON.createArrayBuilder();
      items.forEach(item -> array.add(String.valueOf(item)));
      return array.build();
    }
    return JSON.createValue(value.toString());
  }
}
