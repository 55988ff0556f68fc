package io.forestall.platform.egress;

import java.io.IOException;
import java.time.Duration;

/** A call whose whole attempt, connection and answer together, ran past its deadline. */
public final class EgressTimeoutException extends IOException {

  public EgressTimeoutException(Duration deadline, Throwable cause) {
    super("No answer within " + deadline.toSeconds() + " s", cause);
  }
}
