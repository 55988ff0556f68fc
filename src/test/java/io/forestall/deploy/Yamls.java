package io.forestall.deploy;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.yaml.snakeyaml.Yaml;

/** Reads YAML documents into maps and lists, and walks them by path with a clear failure. */
final class Yamls {

  private Yamls() {}

  static Map<String, Object> load(String yaml) {
    return map(new Yaml().load(yaml), "the document");
  }

  /** The non-empty documents of a multi-document stream, such as rendered manifests. */
  static List<Map<String, Object>> loadAll(String yaml) {
    return StreamSupport.stream(new Yaml().loadAll(yaml).spliterator(), false)
        .filter(d -> d != null)
        .map(d -> map(d, "a document"))
        .toList();
  }

  static String dump(Object value) {
    return new Yaml().dump(value);
  }

  /** The node at a path of map keys and list indexes; null where the path leads nowhere. */
  static Object at(Object node, Object... path) {
    Object current = node;
    for (Object step : path) {
      if (current instanceof Map<?, ?> m) {
        current = m.get(step);
      } else if (current instanceof List<?> l && step instanceof Integer i && i < l.size()) {
        current = l.get(i);
      } else {
        return null;
      }
    }
    return current;
  }

  static Map<String, Object> mapAt(Object node, Object... path) {
    return map(at(node, path), List.of(path).toString());
  }

  static List<Object> listAt(Object node, Object... path) {
    Object value = at(node, path);
    if (value instanceof List<?> l) {
      @SuppressWarnings("unchecked")
      List<Object> list = (List<Object>) l;
      return list;
    }
    throw new AssertionError("no list at " + List.of(path) + ": " + value);
  }

  static String stringAt(Object node, Object... path) {
    Object value = at(node, path);
    return value == null ? null : String.valueOf(value);
  }

  private static Map<String, Object> map(Object value, String where) {
    if (value instanceof Map<?, ?> m) {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) m;
      return map;
    }
    throw new AssertionError("no map at " + where + ": " + value);
  }
}
