package io.forestall.platform.rest;

import static io.forestall.kernel.JsonFactory.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Reads a JSON request object strictly: each field must have the expected type, unknown fields are
 * reported, and every problem is collected with its JSON pointer so one answer names them all.
 */
public final class JsonInput {

  private final JsonObject json;
  private final String pointer;
  private final List<ProblemJson.FieldError> errors;

  private JsonInput(JsonObject json, String pointer, List<ProblemJson.FieldError> errors) {
    this.json = json;
    this.pointer = pointer;
    this.errors = errors;
  }

  /**
   * How deep objects and arrays may nest in a request; no request of ours needs more than a few
   * levels, and a parser that follows thousands of them uses a thread's whole stack.
   */
  public static final int MAX_DEPTH = 32;

  /**
   * Parses a request body strictly: one JSON value, nested at most {@link #MAX_DEPTH} deep, and
   * nothing after it (a lenient reader would accept {@code {...}}} and ignore the rest).
   */
  public static JsonValue parse(InputStream body) {
    try (JsonParser parser = JSON.createParser(body)) {
      if (!parser.hasNext()) {
        throw new InvalidInputException("The body is empty; send a JSON object.", List.of());
      }
      JsonValue value = value(parser, parser.next(), 1);
      if (parser.hasNext()) {
        throw new InvalidInputException("The body has content after its JSON value.", List.of());
      }
      return value;
    } catch (JsonParsingException e) {
      throw new InvalidInputException(
          "The body is not valid JSON (line "
              + e.getLocation().getLineNumber()
              + ", column "
              + e.getLocation().getColumnNumber()
              + ").",
          List.of());
    } catch (JsonException | IllegalStateException | NoSuchElementException e) {
      throw new InvalidInputException("The body is not valid JSON.", List.of());
    }
  }

  /** The value that starts at {@code event}, built level by level so its depth can be refused. */
  private static JsonValue value(JsonParser parser, JsonParser.Event event, int depth) {
    if (event != JsonParser.Event.START_OBJECT && event != JsonParser.Event.START_ARRAY) {
      return parser.getValue();
    }
    if (depth > MAX_DEPTH) {
      throw new InvalidInputException(
          "The body nests objects and arrays more than " + MAX_DEPTH + " levels deep.", List.of());
    }
    if (event == JsonParser.Event.START_ARRAY) {
      JsonArrayBuilder array = JSON.createArrayBuilder();
      for (JsonParser.Event e = parser.next(); e != JsonParser.Event.END_ARRAY; e = parser.next()) {
        array.add(value(parser, e, depth + 1));
      }
      return array.build();
    }
    JsonObjectBuilder object = JSON.createObjectBuilder();
    for (JsonParser.Event e = parser.next(); e != JsonParser.Event.END_OBJECT; e = parser.next()) {
      String name = parser.getString();
      object.add(name, value(parser, parser.next(), depth + 1));
    }
    return object.build();
  }

  /** Starts reading a request body, which must be a JSON object. */
  public static JsonInput of(JsonValue body) {
    if (!(body instanceof JsonObject object)) {
      throw new InvalidInputException("The body must be a JSON object.", List.of());
    }
    return new JsonInput(object, "", new ArrayList<>());
  }

  /** Reads one element of an array the same way, reporting under {@code /<array>/<index>}. */
  public JsonInput element(String array, int index, JsonValue value) {
    String at = pointer + "/" + array + "/" + index;
    if (value instanceof JsonObject object) {
      return new JsonInput(object, at, errors);
    }
    errors.add(new ProblemJson.FieldError(at, "must be an object"));
    return null;
  }

  /** The raw value of a field, or null. */
  public JsonValue raw(String name) {
    return json.get(name);
  }

  /** The object's field names, in the order sent. */
  public Set<String> names() {
    return json.keySet();
  }

  public boolean has(String name) {
    return json.containsKey(name);
  }

  /** Whether a problem was already reported for this field. */
  public boolean failed(String name) {
    String at = pointer + "/" + name;
    return errors.stream().anyMatch(e -> e.pointer().equals(at));
  }

  /** Reports every field not in {@code known}. */
  public JsonInput allowOnly(Set<String> known) {
    for (String name : json.keySet()) {
      if (!known.contains(name)) {
        error(name, "is not a known field");
      }
    }
    return this;
  }

  public String string(String name) {
    JsonValue value = json.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonString text) {
      return text.getString();
    }
    error(name, "must be a string");
    return null;
  }

  public Boolean bool(String name) {
    JsonValue value = json.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() == JsonValue.ValueType.TRUE) {
      return true;
    }
    if (value.getValueType() == JsonValue.ValueType.FALSE) {
      return false;
    }
    error(name, "must be true or false");
    return null;
  }

  public BigDecimal number(String name) {
    JsonValue value = json.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonNumber number) {
      return number.bigDecimalValue();
    }
    error(name, "must be a number");
    return null;
  }

  /** A nested object as raw JSON, e.g. free-form attributes. */
  public JsonObject object(String name) {
    JsonValue value = json.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonObject object) {
      return object;
    }
    error(name, "must be an object");
    return null;
  }

  /** A nested object read with the same strictness; null when absent or not an object. */
  public JsonInput nested(String name) {
    JsonObject object = object(name);
    return object == null ? null : new JsonInput(object, pointer + "/" + name, errors);
  }

  public void error(String name, String message) {
    errors.add(new ProblemJson.FieldError(pointer + "/" + name, message));
  }

  /** Throws the collected errors as one 400 problem, if there are any. */
  public void finish() {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(
          "The request has " + errors.size() + " invalid value(s).", List.copyOf(errors));
    }
  }
}
