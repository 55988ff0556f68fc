package io.forestall.outreach;

import java.util.Optional;

/** Hands one SMS to a tenant's provider; the seam between the dispatcher and the network. */
interface SmsTransport {

  /**
   * Sends {@code text} to {@code to} (E.164) through {@code provider}, marked with the message's
   * idempotency {@code key} so the provider recognises a resend; answers the provider's id for it
   * when it gave one.
   */
  Optional<String> send(SmsProvider provider, String to, String text, String key)
      throws SmsException;

  /** The provider did not take the SMS; {@code permanent} when trying again cannot help. */
  final class SmsException extends Exception {

    private final boolean permanent;

    SmsException(String message, boolean permanent) {
      super(message);
      this.permanent = permanent;
    }

    SmsException(String message, Throwable cause) {
      super(message, cause);
      this.permanent = false;
    }

    boolean permanent() {
      return permanent;
    }
  }
}
