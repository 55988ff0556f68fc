package io.forestall.triggers;

/** A comparison of a measured number with the configured one. */
public enum Comparison {
  GT(">"),
  GE(">="),
  LT("<"),
  LE("<=");

  private final String symbol;

  Comparison(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  /** Whether larger measurements make a match more likely. */
  public boolean upward() {
    return this == GT || this == GE;
  }

  public boolean test(int compared) {
    return switch (this) {
      case GT -> compared > 0;
      case GE -> compared >= 0;
      case LT -> compared < 0;
      case LE -> compared <= 0;
    };
  }
}
