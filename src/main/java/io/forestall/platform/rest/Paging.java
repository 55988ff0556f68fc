package io.forestall.platform.rest;

import java.util.List;

/** The API's paging rule: {@code offset >= 0} and {@code 1 <= limit <= 500}, else a 400 problem. */
public final class Paging {

  public static final int MAX_LIMIT = 500;

  private Paging() {}

  public static void check(int offset, int limit) {
    if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException(
          "Paging is out of range.",
          List.of(
              new ProblemJson.FieldError("limit", "offset >= 0 and 1 <= limit <= " + MAX_LIMIT)));
    }
  }
}
