package io.forestall.outreach;

import io.forestall.audit.AuditLog;
import io.forestall.audit.AuditState;
import io.forestall.kernel.Allowed;
import io.forestall.kernel.Role;
import io.forestall.kernel.TenantContext;
import io.forestall.kernel.Violation;
import io.forestall.kernel.ViolationException;
import io.forestall.outreach.ChannelSettings.TokenChange;
import io.forestall.platform.crypto.SecretBox;
import io.forestall.platform.egress.EgressGuard;
import io.forestall.platform.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The current tenant's channel settings, the defaults until first saved. The SMS provider's token
 * is stored encrypted with {@link SecretBox}, replaced or cleared but never read back by people;
 * saves are audited without it.
 */
@ApplicationScoped
@Transactional
@Allowed(Role.TENANT_ADMIN)
public class ChannelSettingsService {

  static final String AUDIT_SUBJECT = "channel-settings";
  private static final Pattern ALPHANUMERIC_SENDER =
      Pattern.compile("(?=.*[A-Za-z])[A-Za-z0-9]{1,11}");
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
  private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]{1,500}");
  private static final Pattern ONE_LINE = Pattern.compile("[^\\p{Cntrl}]*");

  @PersistenceContext EntityManager em;
  @Inject AuditLog audit;
  @Inject EgressGuard egress;
  @Inject SecretBox box;
  @Inject Database database;
  @Inject Clock clock;

  /** A stored row: the settings and the encrypted token. */
  private record Stored(ChannelSettings settings, String tokenSealed) {}

  public ChannelSettings get() {
    return stored().map(Stored::settings).orElse(ChannelSettings.DEFAULTS);
  }

  /**
   * Replaces the settings and applies {@code token}; blank texts mean "use the default". Every
   * broken rule is reported at once and nothing is stored then.
   */
  public ChannelSettings save(ChannelSettings wanted, TokenChange token) {
    ChannelSettings clean =
        new ChannelSettings(
            blankToNull(wanted.emailSenderName()),
            blankToNull(wanted.emailFromAddress()),
            blankToNull(wanted.emailReplyTo()),
            wanted.smsEnabled(),
            blankToNull(wanted.smsProviderUrl()),
            blankToNull(wanted.smsSenderId()),
            false);
    Optional<Stored> before = stored();
    String sealed =
        token.kind() == TokenChange.Kind.KEEP ? before.map(Stored::tokenSealed).orElse(null) : null;
    List<Violation> violations = new ArrayList<>(check(clean, token, sealed != null));
    if (clean.smsProviderUrl() != null
        && violations.stream().noneMatch(v -> v.pointer().equals("/smsProviderUrl"))) {
      egress
          .problem(clean.smsProviderUrl())
          .ifPresent(p -> violations.add(new Violation("/smsProviderUrl", p)));
    }
    if (!violations.isEmpty()) {
      throw new ViolationException("channel setting", violations);
    }
    if (token.kind() == TokenChange.Kind.REPLACE) {
      sealed = box.encrypt(token.token().strip());
    }
    long tenant = TenantContext.require().id();
    Object[] values = {
      clean.emailSenderName(),
      clean.emailFromAddress(),
      clean.emailReplyTo(),
      clean.smsEnabled(),
      clean.smsProviderUrl(),
      clean.smsSenderId(),
      sealed,
      clock.instant(),
      tenant
    };
    if (write(
            "update channel_settings set email_sender_name = ?, email_from = ?,"
                + " email_reply_to = ?, sms_enabled = ?, sms_provider_url = ?,"
                + " sms_sender_id = ?, sms_token_enc = ?, updated_at = ? where tenant_id = ?",
            values)
        == 0) {
      write(
          "insert into channel_settings (email_sender_name, email_from, email_reply_to,"
              + " sms_enabled, sms_provider_url, sms_sender_id, sms_token_enc, updated_at,"
              + " tenant_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          values);
    }
    ChannelSettings after =
        new ChannelSettings(
            clean.emailSenderName(),
            clean.emailFromAddress(),
            clean.emailReplyTo(),
            clean.smsEnabled(),
            clean.smsProviderUrl(),
            clean.smsSenderId(),
            sealed != null);
    audit.record(
        AUDIT_SUBJECT,
        tenant,
        "Channel settings",
        switch (token.kind()) {
          case KEEP -> "saved";
          case REPLACE -> "saved with a new SMS token";
          case CLEAR -> "saved, SMS token cleared";
        },
        state(before.map(Stored::settings).orElse(ChannelSettings.DEFAULTS)),
        state(after));
    return after;
  }

  /** The tenant's SMS provider, with its token decrypted, when SMS is on. */
  Optional<SmsProvider> smsProvider() {
    return stored()
        .filter(s -> s.settings().smsEnabled() && s.tokenSealed() != null)
        .filter(s -> s.settings().smsProviderUrl() != null && s.settings().smsSenderId() != null)
        .map(
            s ->
                new SmsProvider(
                    URI.create(s.settings().smsProviderUrl()),
                    s.settings().smsSenderId(),
                    box.decrypt(s.tokenSealed())));
  }

  private Optional<Stored> stored() {
    List<?> rows =
        em.createNativeQuery(
                "select email_sender_name, email_from, email_reply_to, sms_enabled,"
                    + " sms_provider_url, sms_sender_id, sms_token_enc"
                    + " from channel_settings where tenant_id = ?")
            .setParameter(1, TenantContext.require().id())
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = (Object[]) rows.get(0);
    return Optional.of(
        new Stored(
            new ChannelSettings(
                (String) r[0],
                (String) r[1],
                (String) r[2],
                Boolean.TRUE.equals(r[3]),
                (String) r[4],
                (String) r[5],
                r[6] != null),
            (String) r[6]));
  }

  /** The broken rules of {@code s} with {@code token} applied to a kept token or none. */
  static List<Violation> check(ChannelSettings s, TokenChange token, boolean tokenKept) {
    List<Violation> violations = new ArrayList<>();
    String name = s.emailSenderName();
    if (name != null && (name.length() > 120 || !ONE_LINE.matcher(name).matches())) {
      violations.add(
          new Violation("/emailSenderName", "must be one line of at most 120 characters"));
    }
    checkAddress(s.emailFromAddress(), "/emailFromAddress", violations);
    checkAddress(s.emailReplyTo(), "/emailReplyTo", violations);
    if (s.smsProviderUrl() != null && !isHttpUrl(s.smsProviderUrl())) {
      violations.add(
          new Violation(
              "/smsProviderUrl",
              "must be an absolute http or https URL, as https://sms.example.com/v1/messages"));
    }
    String sender = s.smsSenderId();
    if (sender != null
        && !ALPHANUMERIC_SENDER.matcher(sender).matches()
        && !E164.matcher(sender).matches()) {
      violations.add(
          new Violation(
              "/smsSenderId",
              "must be up to 11 letters and digits (at least one letter), or a phone number"
                  + " as +4915112345678"));
    }
    boolean tokenSet = tokenKept;
    if (token.kind() == TokenChange.Kind.REPLACE) {
      String value = token.token() == null ? "" : token.token().strip();
      if (!TOKEN.matcher(value).matches()) {
        violations.add(
            new Violation(
                "/smsAuthToken",
                "must be 1 to 500 printable ASCII characters without spaces; clear it instead"
                    + " of sending it empty"));
      }
      tokenSet = true;
    }
    if (s.smsEnabled()) {
      if (s.smsProviderUrl() == null) {
        violations.add(new Violation("/smsProviderUrl", "is required to send SMS"));
      }
      if (sender == null) {
        violations.add(new Violation("/smsSenderId", "is required to send SMS"));
      }
      if (!tokenSet) {
        violations.add(new Violation("/smsAuthToken", "is required to send SMS"));
      }
    }
    return violations;
  }

  private static void checkAddress(String address, String pointer, List<Violation> violations) {
    if (address == null) {
      return;
    }
    boolean valid;
    try {
      InternetAddress parsed = new InternetAddress(address, true);
      parsed.validate();
      valid =
          address.length() <= 254
              && parsed.getPersonal() == null
              && parsed.getAddress().equals(address)
              && address.indexOf('@') > 0
              && address.substring(address.indexOf('@')).contains(".");
    } catch (AddressException e) {
      valid = false;
    }
    if (!valid) {
      violations.add(new Violation(pointer, "must be an email address as support@example.com"));
    }
  }

  private static boolean isHttpUrl(String text) {
    if (text.length() > 2000) {
      return false;
    }
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return uri.isAbsolute()
          && (scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && uri.getUserInfo() == null
          && uri.getFragment() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** What the audit log keeps: whether a token is set, never the token. */
  private static String state(ChannelSettings s) {
    return AuditState.of()
        .with("emailSenderName", s.emailSenderName())
        .with("emailFromAddress", s.emailFromAddress())
        .with("emailReplyTo", s.emailReplyTo())
        .with("smsEnabled", s.smsEnabled())
        .with("smsProviderUrl", s.smsProviderUrl())
        .with("smsSenderId", s.smsSenderId())
        .with("smsAuthToken", s.smsAuthTokenSet() ? "set" : "not set")
        .json();
  }

  private static String blankToNull(String text) {
    if (text == null) {
      return null;
    }
    String stripped = text.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  /** One statement in the caller's transaction; empty texts are bound as typed nulls. */
  private int write(String sql, Object[] values) {
    try (Connection c = database.managed().getConnection();
        PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        Object v = values[i];
        if (v instanceof Instant instant) {
          statement.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
        } else if (v == null) {
          statement.setNull(i + 1, Types.VARCHAR);
        } else {
          statement.setObject(i + 1, v);
        }
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new PersistenceException("Cannot save the channel settings", e);
    }
  }
}
