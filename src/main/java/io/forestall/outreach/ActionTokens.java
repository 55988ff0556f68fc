package io.forestall.outreach;

import io.forestall.platform.crypto.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The signed, expiring tokens of action page links: {@code <payload>.<tag>}, where the payload
 * names the tenant, the message and the expiry, and the tag is an HMAC under a key of that tenant's
 * own, so a token cannot be forged, stretched or moved to another tenant.
 */
@ApplicationScoped
public class ActionTokens {

  /** How long a message's links work. */
  public static final Duration LIFETIME = Duration.ofDays(30);

  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{8,200}\\.[A-Za-z0-9_-]{22}");
  private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

  /** What a token names. */
  public record Claims(String tenantSlug, long messageId, Instant expiresAt) {}

  /** Why a token was refused. */
  public enum Refusal {
    MALFORMED,
    FORGED,
    EXPIRED
  }

  /** A token read: its claims, or why it was refused. */
  public record Reading(Claims claims, Refusal refusal) {
    public boolean valid() {
      return refusal == null;
    }
  }

  @Inject SecretBox box;

  public String issue(String tenantSlug, long messageId, Instant expiresAt) {
    String payload =
        ENCODE.encodeToString(
            (tenantSlug + ":" + messageId + ":" + expiresAt.getEpochSecond())
                .getBytes(StandardCharsets.UTF_8));
    return payload + "." + ENCODE.encodeToString(tag(tenantSlug, payload));
  }

  public Reading read(String token, Instant now) {
    if (token == null || !SHAPE.matcher(token).matches()) {
      return new Reading(null, Refusal.MALFORMED);
    }
    int dot = token.indexOf('.');
    String payload = token.substring(0, dot);
    String[] parts;
    byte[] given;
    try {
      parts = new String(DECODE.decode(payload), StandardCharsets.UTF_8).split(":");
      given = DECODE.decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      return new Reading(null, Refusal.MALFORMED);
    }
    if (parts.length != 3 || !parts[1].matches("\\d{1,18}") || !parts[2].matches("\\d{1,12}")) {
      return new Reading(null, Refusal.MALFORMED);
    }
    if (!MessageDigest.isEqual(tag(parts[0], payload), given)) {
      return new Reading(null, Refusal.FORGED);
    }
    Claims claims =
        new Claims(
            parts[0], Long.parseLong(parts[1]), Instant.ofEpochSecond(Long.parseLong(parts[2])));
    return now.isAfter(claims.expiresAt())
        ? new Reading(claims, Refusal.EXPIRED)
        : new Reading(claims, null);
  }

  private byte[] tag(String tenantSlug, String payload) {
    return Arrays.copyOf(box.sign("action-page:" + tenantSlug, payload), 16);
  }
}
