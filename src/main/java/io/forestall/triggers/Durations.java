package io.forestall.triggers;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Windows as ISO-8601 durations in whole days, hours or minutes ({@code P30D}, {@code PT1H}). */
public final class Durations {

  private Durations() {}

  /** The duration, or null when {@code text} is not one of whole minutes. */
  public static Duration parse(String text) {
    try {
      Duration d = Duration.parse(text);
      return d.isNegative() || d.toSeconds() % 60 != 0 || d.getNano() != 0 ? null : d;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The shortest ISO form: {@code P30D} rather than {@code PT720H}. */
  public static String format(Duration d) {
    long minutes = d.toMinutes();
    if (minutes != 0 && minutes % (24 * 60) == 0) {
      return "P" + minutes / (24 * 60) + "D";
    }
    if (minutes != 0 && minutes % 60 == 0) {
      return "PT" + minutes / 60 + "H";
    }
    return "PT" + minutes + "M";
  }

  /** In words, for evidence and screens: "31 days", "1 hour", "90 minutes". */
  public static String words(Duration d) {
    long minutes = d.toMinutes();
    if (minutes != 0 && minutes % (24 * 60) == 0) {
      return plural(minutes / (24 * 60), "day");
    }
    if (minutes != 0 && minutes % 60 == 0) {
      return plural(minutes / 60, "hour");
    }
    return plural(minutes, "minute");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
