package io.forestall.playbooks;

import java.text.ParseException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.quartz.CronExpression;

/** When a Quartz cron fires, for the editor to show before it is published. */
public final class CronTimes {

  private CronTimes() {}

  /**
   * The next {@code count} times {@code cron} fires after {@code after} in {@code zone}, or none.
   */
  public static List<Date> next(String cron, ZoneId zone, Date after, int count) {
    List<Date> times = new ArrayList<>();
    try {
      CronExpression expression = new CronExpression(cron);
      expression.setTimeZone(TimeZone.getTimeZone(zone));
      Date next = after;
      for (int i = 0; i < count && (next = expression.getNextValidTimeAfter(next)) != null; i++) {
        times.add(next);
      }
    } catch (ParseException e) {
      return List.of();
    }
    return times;
  }
}
