package io.forestall.playbooks;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** What changed between two definitions, field by field, in words a tenant admin can read. */
public final class DefinitionDiff {

  /** One changed field: its path such as {@code trigger.conditions[0].ratio}, before and after. */
  public record Change(String path, String before, String after) {
    public String getPath() {
      return path;
    }

    public String getBefore() {
      return before;
    }

    public String getAfter() {
      return after;
    }
  }

  private DefinitionDiff() {}

  public static List<Change> between(PlaybookDefinition before, PlaybookDefinition after) {
    Map<String, String> a = flatten(before == null ? null : DefinitionJson.write(before));
    Map<String, String> b = flatten(after == null ? null : DefinitionJson.write(after));
    Set<String> paths = new LinkedHashSet<>(a.keySet());
    paths.addAll(b.keySet());
    List<Change> changes = new ArrayList<>();
    for (String path : paths) {
      if (!Objects.equals(a.get(path), b.get(path))) {
        changes.add(new Change(path, a.getOrDefault(path, "—"), b.getOrDefault(path, "—")));
      }
    }
    return changes;
  }

  private static Map<String, String> flatten(JsonObject json) {
    Map<String, String> out = new LinkedHashMap<>();
    if (json != null) {
      flatten("", json, out);
    }
    return out;
  }

  private static void flatten(String path, JsonValue value, Map<String, String> out) {
    if (value instanceof JsonObject object) {
      object.forEach((k, v) -> flatten(path.isEmpty() ? k : path + "." + k, v, out));
    } else if (value instanceof JsonArray array) {
      if (array.isEmpty()) {
        out.put(path, "none");
      }
      for (int i = 0; i < array.size(); i++) {
        flatten(path + "[" + i + "]", array.get(i), out);
      }
    } else if (value instanceof JsonString text) {
      out.put(path, text.getString());
    } else {
      out.put(path, value.toString());
    }
  }
}
