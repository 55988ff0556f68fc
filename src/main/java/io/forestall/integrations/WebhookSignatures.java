package io.forestall.integrations;

import io.forestall.kernel.TenantKey;
import io.forestall.platform.crypto.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures ({@code webhook-id}, {@code webhook-timestamp}, {@code
 * webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>}): verifies inbound deliveries
 * against every active secret of the tenant, in constant time, within a 5-minute timestamp
 * tolerance; and makes the secrets and signatures outbound webhooks send. A delivery costs one HMAC
 * of its body per active secret, however many signatures its header lists.
 */
@ApplicationScoped
public class WebhookSignatures {

  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  /** How a signing secret begins; the rest is the base64 of the raw HMAC key. */
  public static final String SECRET_PREFIX = "whsec_";

  /** The longest {@code webhook-signature} header read: room for a handful of signatures. */
  public static final int MAX_SIGNATURE_HEADER = 512;

  /** How many of the header's signatures are looked at; senders send one, two while rotating. */
  static final int MAX_SIGNATURES = 5;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration REMEMBER = Duration.ofSeconds(10);

  /** Why a delivery was not accepted; each maps to a clear problem for the sender. */
  public enum Verdict {
    VALID,
    MISSING_HEADERS,
    SIGNATURE_HEADER_TOO_LONG,
    BAD_TIMESTAMP,
    STALE_TIMESTAMP,
    NO_ACTIVE_SECRET,
    BAD_SIGNATURE
  }

  private record Keys(List<byte[]> secrets, Instant expires) {}

  private final Map<Long, Keys> keys = new ConcurrentHashMap<>();

  @PersistenceContext EntityManager em;
  @Inject SecretBox box;
  @Inject Clock clock;

  @Transactional
  public Verdict verify(
      TenantKey tenant, String id, String timestamp, String signature, byte[] body) {
    if (isBlank(id) || isBlank(timestamp) || isBlank(signature)) {
      return Verdict.MISSING_HEADERS;
    }
    if (signature.length() > MAX_SIGNATURE_HEADER) {
      return Verdict.SIGNATURE_HEADER_TOO_LONG;
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return Verdict.BAD_TIMESTAMP;
    }
    Instant sent = Instant.ofEpochSecond(seconds);
    Instant now = clock.instant();
    if (sent.isBefore(now.minus(TOLERANCE)) || sent.isAfter(now.plus(TOLERANCE))) {
      return Verdict.STALE_TIMESTAMP;
    }
    List<byte[]> secrets = secrets(tenant, now);
    if (secrets.isEmpty()) {
      return Verdict.NO_ACTIVE_SECRET;
    }
    return matches(secrets, id.strip(), seconds, signature, body)
        ? Verdict.VALID
        : Verdict.BAD_SIGNATURE;
  }

  /**
   * Whether one of the header's first {@link #MAX_SIGNATURES} signatures is a {@code v1} HMAC under
   * one of {@code secrets}. Each secret's HMAC is computed once and compared in constant time.
   */
  static boolean matches(
      List<byte[]> secrets, String id, long timestamp, String header, byte[] body) {
    List<byte[]> given = new ArrayList<>();
    String[] candidates = header.strip().split(" +");
    for (int i = 0; i < Math.min(candidates.length, MAX_SIGNATURES); i++) {
      if (candidates[i].startsWith("v1,")) {
        try {
          given.add(Base64.getDecoder().decode(candidates[i].substring(3)));
        } catch (IllegalArgumentException e) {
          // Not base64: matches nothing.
        }
      }
    }
    if (given.isEmpty()) {
      return false;
    }
    boolean match = false;
    for (byte[] secret : secrets) {
      byte[] expected = digest(secret, id, timestamp, body);
      for (byte[] signature : given) {
        match |= MessageDigest.isEqual(signature, expected);
      }
    }
    return match;
  }

  void forget(long tenantId) {
    keys.remove(tenantId);
  }

  /**
   * The raw HMAC key of every active secret; the query is tenant-filtered by the caller's context.
   */
  private List<byte[]> secrets(TenantKey tenant, Instant now) {
    Keys known = keys.get(tenant.id());
    if (known != null && known.expires().isAfter(now)) {
      return known.secrets();
    }
    List<byte[]> secrets = new ArrayList<>();
    for (String sealed :
        em.createQuery(
                "select s.secretEncrypted from InboundSecret s where s.revokedAt is null",
                String.class)
            .getResultList()) {
      secrets.add(key(box.decrypt(sealed)));
    }
    keys.put(tenant.id(), new Keys(List.copyOf(secrets), now.plus(REMEMBER)));
    return secrets;
  }

  /** A new signing secret: {@code whsec_} and the base64 of 24 random bytes. */
  public static String newSecret() {
    byte[] raw = new byte[24];
    RANDOM.nextBytes(raw);
    return SECRET_PREFIX + Base64.getEncoder().encodeToString(raw);
  }

  /** The raw HMAC key of a {@code whsec_} secret. */
  public static byte[] key(String secret) {
    return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
  }

  /** The {@code webhook-signature} header value for one delivery: {@code v1,<base64 HMAC>}. */
  public static String sign(byte[] key, String id, long timestamp, byte[] body) {
    return "v1," + Base64.getEncoder().encodeToString(digest(key, id, timestamp, body));
  }

  /** HMAC-SHA256 over {@code id.timestamp.body}, the content Standard Webhooks signs. */
  private static byte[] digest(byte[] key, String id, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
