package io.forestall.triggers;

/** A test on one top-level attribute of an event or a customer. */
public record AttributeFilter(String attribute, Operator operator, String value) {

  /** What a filter may ask of an attribute. */
  public enum Operator {
    EQ("="),
    NE("≠"),
    GT(">"),
    GE("≥"),
    LT("<"),
    LE("≤"),
    CONTAINS("contains"),
    EXISTS("is set");

    private final String label;

    Operator(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public boolean numeric() {
      return this == GT || this == GE || this == LT || this == LE;
    }
  }

  @Override
  public String toString() {
    return operator == Operator.EXISTS
        ? attribute + " is set"
        : attribute + " " + operator.label() + " " + value;
  }
}
