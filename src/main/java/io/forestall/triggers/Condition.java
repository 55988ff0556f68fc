package io.forestall.triggers;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * One part of a trigger. Each kind is a small record of choices made in the editor; none holds code
 * or SQL. {@link TriggerCompiler} turns them into one set-based query.
 */
public sealed interface Condition {

  /** How far back event-driven conditions look when nothing else says so. */
  Duration DEFAULT_WITHIN = Duration.ofDays(1);

  Kind kind();

  String eventType();

  /**
   * Whether only a new event of {@link #eventType()} can make this condition newly true, so a scan
   * may look at just the customers with events since its last watermark.
   */
  boolean incremental();

  /** The six trigger kinds of DESIGN.md. */
  enum Kind {
    EVENT,
    THRESHOLD,
    CHANGE,
    LAPSE,
    BURST,
    COMPLAINT
  }

  /** A new event of a type, optionally with attribute filters, within a recent window. */
  record Event(String eventType, List<AttributeFilter> filters, Duration within)
      implements Condition {
    public Kind kind() {
      return Kind.EVENT;
    }

    public boolean incremental() {
      return true;
    }
  }

  /** An aggregate of the type's values over a window, compared with a constant. */
  record Threshold(
      String eventType,
      Aggregate aggregate,
      Duration window,
      Comparison comparison,
      BigDecimal value)
      implements Condition {
    public Kind kind() {
      return Kind.THRESHOLD;
    }

    public boolean incremental() {
      return comparison.upward() && (aggregate == Aggregate.COUNT || aggregate == Aggregate.MAX);
    }

    /** True when a customer without any such event matches (fewer than N, sum below N). */
    public boolean matchesWithoutEvents() {
      return !comparison.upward()
          && (aggregate == Aggregate.COUNT || aggregate == Aggregate.SUM)
          && value.signum() > 0;
    }
  }

  /**
   * An aggregate over the recent window against the same customer's baseline window just before it,
   * as a ratio. COUNT and SUM are compared per day, so windows of different lengths compare fairly.
   */
  record Change(
      String eventType,
      Aggregate aggregate,
      Duration window,
      Duration baseline,
      Comparison comparison,
      BigDecimal ratio)
      implements Condition {
    public Kind kind() {
      return Kind.CHANGE;
    }

    public boolean incremental() {
      return comparison.upward();
    }

    /** Whether the aggregate is a rate per day (COUNT, SUM) rather than a level (AVG, MIN, MAX). */
    public boolean perDay() {
      return aggregate == Aggregate.COUNT || aggregate == Aggregate.SUM;
    }
  }

  /** No event of a type for longer than max(minDays, factor × the customer's usual interval). */
  record Lapse(String eventType, int minDays, BigDecimal factor) implements Condition {
    public Kind kind() {
      return Kind.LAPSE;
    }

    public boolean incremental() {
      return false;
    }
  }

  /** At least {@code count} events of a type within {@code window}, ending in the last day. */
  record Burst(String eventType, int count, Duration window) implements Condition {
    public Kind kind() {
      return Kind.BURST;
    }

    public boolean incremental() {
      return true;
    }
  }

  /**
   * Every new complaint event, scored for complexity from its signals; at or above {@code
   * complexAt} it is complex and goes to the skilled team at once.
   */
  record Complaint(String eventType, int complexAt, Duration within) implements Condition {
    public Kind kind() {
      return Kind.COMPLAINT;
    }

    public boolean incremental() {
      return true;
    }
  }
}
