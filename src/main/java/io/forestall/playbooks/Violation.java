package io.forestall.playbooks;

/** One mistake in a playbook, located by a JSON pointer into its definition. */
public record Violation(String pointer, String message) {}
