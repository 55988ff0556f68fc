package io.forestall.tasks;

/** How an agent closed a task; only RESOLVED resolves its case. */
public enum Outcome {
  RESOLVED,
  NOT_RESOLVED,
  NO_ACTION
}
