package io.forestall.playbooks.web;

import io.forestall.triggers.Aggregate;
import io.forestall.triggers.Comparison;
import io.forestall.triggers.Condition;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One condition as the editor edits it: every kind's fields at once, so switching the kind keeps
 * what was typed; {@link #toCondition()} takes the fields the kind uses.
 */
public class ConditionInput implements Serializable {

  private Condition.Kind kind = Condition.Kind.EVENT;
  private String eventType;
  private Aggregate aggregate = Aggregate.COUNT;
  private WindowInput window = WindowInput.of(Duration.ofDays(1));
  private WindowInput baseline = WindowInput.of(Duration.ofDays(90));
  private Comparison comparison = Comparison.GT;
  private BigDecimal value = BigDecimal.ONE;
  private BigDecimal ratioPercent = BigDecimal.valueOf(130);
  private int minDays = 30;
  private BigDecimal factor = new BigDecimal("1.5");
  private int count = 5;
  private int complexAt = 50;
  private List<FilterInput> filters = new ArrayList<>();

  static ConditionInput of(Condition c) {
    ConditionInput in = new ConditionInput();
    in.kind = c.kind();
    in.eventType = c.eventType();
    switch (c.kind()) {
      case EVENT -> {
        Condition.Event e = (Condition.Event) c;
        in.window = WindowInput.of(e.within());
        e.filters().forEach(f -> in.filters.add(FilterInput.of(f)));
      }
      case THRESHOLD -> {
        Condition.Threshold t = (Condition.Threshold) c;
        in.aggregate = t.aggregate();
        in.window = WindowInput.of(t.window());
        in.comparison = t.comparison();
        in.value = t.value();
      }
      case CHANGE -> {
        Condition.Change ch = (Condition.Change) c;
        in.aggregate = ch.aggregate();
        in.window = WindowInput.of(ch.window());
        in.baseline = WindowInput.of(ch.baseline());
        in.comparison = ch.comparison();
        in.ratioPercent = ch.ratio().movePointRight(2).stripTrailingZeros();
      }
      case LAPSE -> {
        Condition.Lapse l = (Condition.Lapse) c;
        in.minDays = l.minDays();
        in.factor = l.factor();
      }
      case BURST -> {
        Condition.Burst b = (Condition.Burst) c;
        in.count = b.count();
        in.window = WindowInput.of(b.window());
      }
      case COMPLAINT -> {
        Condition.Complaint cp = (Condition.Complaint) c;
        in.complexAt = cp.complexAt();
        in.window = WindowInput.of(cp.within());
      }
    }
    return in;
  }

  Condition toCondition() {
    String type = eventType == null ? null : eventType.strip();
    return switch (kind) {
      case EVENT ->
          new Condition.Event(
              type, filters.stream().map(FilterInput::toFilter).toList(), window.toDuration());
      case THRESHOLD ->
          new Condition.Threshold(type, aggregate, window.toDuration(), comparison, value);
      case CHANGE ->
          new Condition.Change(
              type,
              aggregate,
              window.toDuration(),
              baseline.toDuration(),
              comparison,
              ratioPercent == null ? null : ratioPercent.movePointLeft(2));
      case LAPSE -> new Condition.Lapse(type, minDays, factor == null ? BigDecimal.ONE : factor);
      case BURST -> new Condition.Burst(type, count, window.toDuration());
      case COMPLAINT -> new Condition.Complaint(type, complexAt, window.toDuration());
    };
  }

  public void addFilter() {
    filters.add(new FilterInput());
  }

  public void removeFilter(FilterInput filter) {
    filters.remove(filter);
  }

  public Condition.Kind getKind() {
    return kind;
  }

  public void setKind(Condition.Kind kind) {
    this.kind = kind;
  }

  public String getEventType() {
    return eventType;
  }

  public void setEventType(String eventType) {
    this.eventType = eventType;
  }

  public Aggregate getAggregate() {
    return aggregate;
  }

  public void setAggregate(Aggregate aggregate) {
    this.aggregate = aggregate;
  }

  public WindowInput getWindow() {
    return window;
  }

  public WindowInput getBaseline() {
    return baseline;
  }

  public Comparison getComparison() {
    return comparison;
  }

  public void setComparison(Comparison comparison) {
    this.comparison = comparison;
  }

  public BigDecimal getValue() {
    return value;
  }

  public void setValue(BigDecimal value) {
    this.value = value;
  }

  public BigDecimal getRatioPercent() {
    return ratioPercent;
  }

  public void setRatioPercent(BigDecimal ratioPercent) {
    this.ratioPercent = ratioPercent;
  }

  public int getMinDays() {
    return minDays;
  }

  public void setMinDays(int minDays) {
    this.minDays = minDays;
  }

  public BigDecimal getFactor() {
    return factor;
  }

  public void setFactor(BigDecimal factor) {
    this.factor = factor;
  }

  public int getCount() {
    return count;
  }

  public void setCount(int count) {
    this.count = count;
  }

  public int getComplexAt() {
    return complexAt;
  }

  public void setComplexAt(int complexAt) {
    this.complexAt = complexAt;
  }

  public List<FilterInput> getFilters() {
    return filters;
  }
}
