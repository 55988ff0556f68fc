package io.forestall.kernel;

import java.util.List;

/**
 * What was asked breaks a feature's rules, each broken rule with its pointer; nothing was stored.
 * The API answers 400 naming each one, screens show them beside their fields.
 */
public class ViolationException extends RuntimeException {

  private final transient List<Violation> violations;

  /** {@code subject} names what was checked: "The playbook has 2 mistake(s)." */
  public ViolationException(String subject, List<Violation> violations) {
    super("The " + subject + " has " + violations.size() + " mistake(s).");
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
