package io.forestall.events;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * The event types a tenant received since a moment, gathered over the commits of a burst by those
 * who act on new events moments later.
 */
public record ArrivedSince(Set<String> types, Instant since) {

  public ArrivedSince {
    types = Set.copyOf(types);
  }

  /** These and {@code later}'s types, since the earlier moment. */
  public ArrivedSince and(ArrivedSince later) {
    Set<String> all = new HashSet<>(types);
    all.addAll(later.types());
    return new ArrivedSince(all, since.isBefore(later.since()) ? since : later.since());
  }
}
