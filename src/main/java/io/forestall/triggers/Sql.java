package io.forestall.triggers;

import java.util.ArrayList;
import java.util.List;

/** SQL text and its bind parameters, appended together so they cannot drift apart. */
final class Sql {

  private final StringBuilder text = new StringBuilder();
  private final List<Object> params = new ArrayList<>();

  /** Appends {@code fragment}, whose {@code ?} marks are filled by {@code values} in order. */
  Sql add(String fragment, Object... values) {
    text.append(fragment);
    params.addAll(List.of(values));
    return this;
  }

  Sql add(Sql other) {
    text.append(other.text);
    params.addAll(other.params);
    return this;
  }

  boolean isEmpty() {
    return text.isEmpty();
  }

  String text() {
    return text.toString();
  }

  List<Object> params() {
    return List.copyOf(params);
  }
}
