package io.forestall.outreach;

import java.util.List;

/** A template that cannot be stored or published as it is; nothing was changed. */
public class InvalidTemplateException extends RuntimeException {

  private final transient List<TemplateRenderer.Problem> problems;

  public InvalidTemplateException(List<TemplateRenderer.Problem> problems) {
    super("The template has " + problems.size() + " mistake(s).");
    this.problems = List.copyOf(problems);
  }

  public List<TemplateRenderer.Problem> problems() {
    return problems;
  }
}
