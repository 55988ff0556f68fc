package io.forestall.triggers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** A customer a trigger fired for, with the findings that made it fire. */
public record Match(
    long customerId, String externalId, String customerName, List<Finding> findings) {

  /** The findings of the conditions that held. */
  public List<Finding> matchedFindings() {
    return findings.stream().filter(Finding::matched).toList();
  }

  /** The evidence in one line: each holding condition's sentence. */
  public String summary() {
    return matchedFindings().stream().map(Finding::summary).collect(Collectors.joining("; "));
  }

  /**
   * The detection window this match belongs to; one case per playbook, customer and window. An
   * event-driven finding is its event's own window, a lapse the gap since its last event, anything
   * else the bucket of {@code bucket} length that {@code asOf} falls in.
   */
  public String windowKey(Instant asOf, Duration bucket) {
    for (Finding f : matchedFindings()) {
      if (f.kind() == Condition.Kind.EVENT || f.kind() == Condition.Kind.COMPLAINT) {
        return "event:" + f.data().get("eventId");
      }
    }
    for (Finding f : matchedFindings()) {
      if (f.kind() == Condition.Kind.LAPSE) {
        return "since:" + f.data().get("lastAt");
      }
    }
    long size = Math.max(bucket.toSeconds(), Duration.ofHours(1).toSeconds());
    return "bucket:" + Instant.ofEpochSecond(asOf.getEpochSecond() / size * size);
  }

  /** The COMPLAINT finding's score, when the trigger has one that held. */
  public ComplaintScore complaint() {
    return matchedFindings().stream()
        .filter(f -> f.kind() == Condition.Kind.COMPLAINT)
        .map(f -> (ComplaintScore) f.data().get("score"))
        .findFirst()
        .orElse(null);
  }
}
