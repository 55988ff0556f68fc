package io.forestall.playbooks;

import java.util.List;

/** A definition that breaks {@link DefinitionRules}; nothing was stored. */
public class InvalidPlaybookException extends RuntimeException {

  private final transient List<Violation> violations;

  public InvalidPlaybookException(List<Violation> violations) {
    super("The playbook has " + violations.size() + " mistake(s).");
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
