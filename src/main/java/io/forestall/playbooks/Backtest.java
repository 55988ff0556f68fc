package io.forestall.playbooks;

import java.time.LocalDate;
import java.util.List;

/**
 * Who a trigger would have found on each day of a past range.
 *
 * @param customers distinct customers found on any day of the range
 */
public record Backtest(LocalDate from, LocalDate to, List<Day> days, int customers) {

  /**
   * One day, evaluated as at its end in the tenant's time zone.
   *
   * @param matches customers matching that day
   * @param firstMatches of those, customers not matching on an earlier day of the range: roughly
   *     the cases a published playbook would have opened
   */
  public record Day(LocalDate date, int matches, int firstMatches) {}
}
