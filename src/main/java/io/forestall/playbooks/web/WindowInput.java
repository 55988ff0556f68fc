package io.forestall.playbooks.web;

import java.io.Serializable;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/** A window as the editor shows it: an amount and a unit. */
public class WindowInput implements Serializable {

  private Integer amount;
  private ChronoUnit unit = ChronoUnit.DAYS;

  static WindowInput of(Duration d) {
    WindowInput w = new WindowInput();
    long minutes = d.toMinutes();
    if (minutes % 1440 == 0) {
      w.amount = (int) (minutes / 1440);
      w.unit = ChronoUnit.DAYS;
    } else if (minutes % 60 == 0) {
      w.amount = (int) (minutes / 60);
      w.unit = ChronoUnit.HOURS;
    } else {
      w.amount = (int) minutes;
      w.unit = ChronoUnit.MINUTES;
    }
    return w;
  }

  Duration toDuration() {
    return Duration.of(amount == null ? 0 : amount, unit);
  }

  public Integer getAmount() {
    return amount;
  }

  public void setAmount(Integer amount) {
    this.amount = amount;
  }

  public ChronoUnit getUnit() {
    return unit;
  }

  public void setUnit(ChronoUnit unit) {
    this.unit = unit;
  }
}
