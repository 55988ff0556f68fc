package io.forestall.platform.egress;

import java.nio.charset.StandardCharsets;

/**
 * A peer's answer: its status and at most the bounded number of body bytes asked for; {@code
 * truncated} when the peer had more to say.
 */
public record EgressAnswer(int status, byte[] body, boolean truncated) {

  /** The body as UTF-8 text; a character cut in half at the bound is replaced. */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
