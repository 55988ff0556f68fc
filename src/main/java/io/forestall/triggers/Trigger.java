package io.forestall.triggers;

import java.util.List;

/**
 * What makes a playbook fire: its conditions combined with ALL or ANY, for the customers whose
 * attributes pass the audience filters.
 */
public record Trigger(Combine combine, List<Condition> conditions, List<AttributeFilter> audience) {

  /** How conditions combine. */
  public enum Combine {
    ALL,
    ANY
  }

  public Trigger {
    conditions = List.copyOf(conditions);
    audience = List.copyOf(audience);
  }

  /** Whether a scan may look only at customers with new events since its watermark. */
  public boolean incremental() {
    return conditions.stream().allMatch(Condition::incremental);
  }

  /** Whether new events should be looked at promptly rather than on the schedule only. */
  public boolean eventDriven() {
    return conditions.stream()
        .anyMatch(
            c ->
                c.kind() == Condition.Kind.EVENT
                    || c.kind() == Condition.Kind.BURST
                    || c.kind() == Condition.Kind.COMPLAINT);
  }

  /** The event types the conditions read. */
  public List<String> eventTypes() {
    return conditions.stream().map(Condition::eventType).distinct().toList();
  }
}
