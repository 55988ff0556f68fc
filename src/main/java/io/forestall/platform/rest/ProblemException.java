package io.forestall.platform.rest;

import java.util.Map;

/** Ends a request with a ready problem document, and headers such as {@code Retry-After}. */
public class ProblemException extends RuntimeException {

  private final transient ProblemJson problem;
  private final transient Map<String, String> headers;

  public ProblemException(ProblemJson problem) {
    this(problem, Map.of());
  }

  public ProblemException(ProblemJson problem, Map<String, String> headers) {
    super(problem.detail());
    this.problem = problem;
    this.headers = Map.copyOf(headers);
  }

  public ProblemJson problem() {
    return problem;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
