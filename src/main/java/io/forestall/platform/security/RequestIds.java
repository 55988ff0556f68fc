package io.forestall.platform.security;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * The id of each request: the one the load balancer sent in {@value #HEADER} when it is a plain
 * token, else a new one. It is the {@value #LOG_KEY} of the request's log lines and is returned in
 * the same header, so a support call, a proxy's log and ours name the same request.
 */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";

  /** The log context (MDC) key of the request id. */
  public static final String LOG_KEY = "request";

  /** Ids from outside go into logs: letters, digits and a few separators only, at most 64. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private RequestIds() {}

  /** The id to use for a request that came with {@code sent} (may be {@code null}). */
  static String of(String sent) {
    return sent != null && PLAIN.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
  }

  /** The id of the request this thread serves, if it serves one. */
  public static Optional<String> current() {
    return Optional.ofNullable((String) MDC.get(LOG_KEY));
  }
}
