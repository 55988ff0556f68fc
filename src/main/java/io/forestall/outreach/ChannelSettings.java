package io.forestall.outreach;

/**
 * A tenant's channel settings as people see them: the email sender (blank fields fall back to the
 * platform's address and the tenant's name) and the SMS provider. The provider's token is
 * write-only: only whether one is set is shown.
 *
 * @param smsSenderId what the SMS shows as its sender: up to 11 letters and digits, or an E.164
 *     number
 */
public record ChannelSettings(
    String emailSenderName,
    String emailFromAddress,
    String emailReplyTo,
    boolean smsEnabled,
    String smsProviderUrl,
    String smsSenderId,
    boolean smsAuthTokenSet) {

  public static final ChannelSettings DEFAULTS =
      new ChannelSettings(null, null, null, false, null, null, false);

  /** What a save does to the write-only SMS token. */
  public record TokenChange(Kind kind, String token) {

    public enum Kind {
      KEEP,
      REPLACE,
      CLEAR
    }

    public static TokenChange keep() {
      return new TokenChange(Kind.KEEP, null);
    }

    public static TokenChange replace(String token) {
      return new TokenChange(Kind.REPLACE, token);
    }

    public static TokenChange clear() {
      return new TokenChange(Kind.CLEAR, null);
    }

    @Override
    public String toString() {
      return kind.name();
    }
  }
}
