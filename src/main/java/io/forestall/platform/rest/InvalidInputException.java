package io.forestall.platform.rest;

import java.util.List;

/** Bad input found by a resource's own checks, answered as a 400 problem naming each bad field. */
public class InvalidInputException extends RuntimeException {

  private final transient List<ProblemJson.FieldError> errors;

  public InvalidInputException(String message, List<ProblemJson.FieldError> errors) {
    super(message);
    this.errors = List.copyOf(errors);
  }

  public List<ProblemJson.FieldError> errors() {
    return errors;
  }
}
