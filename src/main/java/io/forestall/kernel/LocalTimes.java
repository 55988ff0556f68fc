package io.forestall.kernel;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Moments as people read them in evidence, messages and reasons: local time to the minute. */
public final class LocalTimes {

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ENGLISH);

  private LocalTimes() {}

  /** "2026-11-22 15:51 GMT". */
  public static String minute(Instant at, ZoneId zone) {
    return MINUTE.format(at.atZone(zone));
  }
}
