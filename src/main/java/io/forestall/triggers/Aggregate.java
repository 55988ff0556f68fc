package io.forestall.triggers;

/** How a window's event values are folded into one number. */
public enum Aggregate {
  COUNT,
  SUM,
  AVG,
  MIN,
  MAX;

  /** The SQL aggregate over {@code column}; COUNT counts rows, the others read the value. */
  String sql(String column) {
    return this == COUNT ? "count(" + column + ")" : name().toLowerCase() + "(" + column + ")";
  }
}
