package io.forestall.kernel;

/** One broken rule, located by a JSON pointer into what was sent: {@code /trigger/conditions/0}. */
public record Violation(String pointer, String message) {}
