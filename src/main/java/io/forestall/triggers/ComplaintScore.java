package io.forestall.triggers;

import java.util.List;
import java.util.stream.Collectors;

/** A complaint's complexity score and the signals it is made of. */
public record ComplaintScore(int score, boolean complex, List<Part> parts) {

  /** One signal that added to the score. */
  public record Part(String signal, int points, String detail) {}

  @Override
  public String toString() {
    String why =
        parts.stream().map(p -> p.detail() + " +" + p.points()).collect(Collectors.joining(", "));
    return score
        + " of 100, "
        + (complex ? "complex" : "simple")
        + (why.isEmpty() ? "" : " (" + why + ")");
  }
}
