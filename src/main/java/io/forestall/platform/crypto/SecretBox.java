package io.forestall.platform.crypto;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts secrets Forestall must read back later (webhook signing secrets), signs its own tokens
 * with AES-256-GCM under the key in {@code FORESTALL_SECRETS_KEY}; secrets it only needs to
 * recognise are hashed instead. Only the demo ({@code FORESTALL_DEMO=true}) runs without a key, on
 * a public one.
 */
@ApplicationScoped
public class SecretBox {

  /** Startup order: before the migrations, so a server without its key stops before any work. */
  public static final int PRIORITY = 50;

  private static final Logger LOG = Logger.getLogger(SecretBox.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int NONCE_BYTES = 12;
  private static final String DEMO_KEY = "forestall-demo-secrets-key";

  @Inject
  @ConfigProperty(name = "forestall.secrets.key")
  Optional<String> configuredKey;

  @Inject
  @ConfigProperty(name = "forestall.demo", defaultValue = "false")
  boolean demo;

  private SecretKeySpec key;

  @PostConstruct
  void init() {
    key = new SecretKeySpec(keyMaterial(configuredKey, demo), "AES");
  }

  /**
   * Observing the startup creates the box, so a missing or malformed key fails the deployment
   * instead of the first webhook or action link.
   */
  void checkKey(@Observes @Priority(PRIORITY) Startup startup) {
    LOG.fine("The secrets key is loaded");
  }

  /**
   * The key's 32 bytes: those of {@code FORESTALL_SECRETS_KEY}, or, when it is unset and the server
   * runs as the demo, the public demo key. Anywhere else an unset key is refused.
   */
  static byte[] keyMaterial(Optional<String> configured, boolean demo) {
    Optional<String> given = configured.map(String::strip).filter(k -> !k.isEmpty());
    if (given.isEmpty()) {
      if (!demo) {
        throw new IllegalStateException(
            "FORESTALL_SECRETS_KEY is not set. Set it to 32 random bytes in base64, made with"
                + " 'openssl rand -base64 32', and keep it with (but apart from) the database's"
                + " backups. Only the demo (FORESTALL_DEMO=true) runs without one.");
      }
      LOG.warning(
          "FORESTALL_SECRETS_KEY is not set: the demo encrypts secrets with its public key");
      return sha256(DEMO_KEY);
    }
    byte[] material;
    try {
      material = Base64.getDecoder().decode(given.get());
    } catch (IllegalArgumentException e) {
      material = new byte[0];
    }
    if (material.length != 32) {
      throw new IllegalStateException(
          "FORESTALL_SECRETS_KEY must be 32 bytes in base64: make one with 'openssl rand -base64"
              + " 32'");
    }
    return material;
  }

  public String encrypt(String plain) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encrypt", e);
    }
  }

  public String decrypt(String sealed) {
    try {
      byte[] in = Base64.getDecoder().decode(sealed);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, NONCE_BYTES));
      return new String(
          cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "Cannot decrypt a stored secret: was FORESTALL_SECRETS_KEY changed?", e);
    }
  }

  /**
   * An HMAC-SHA256 of {@code data} under a key derived from the master key for {@code purpose}, so
   * tokens minted for one purpose (or one tenant) never verify for another.
   */
  public byte[] sign(String purpose, String data) {
    try {
      Mac derive = Mac.getInstance("HmacSHA256");
      derive.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
      byte[] derived = derive.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(derived, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot sign", e);
    }
  }

  /** A random token of {@code bytes} bytes, base64url without padding. */
  public static String randomToken(int bytes) {
    byte[] raw = new byte[bytes];
    RANDOM.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  public static String sha256Hex(String text) {
    return HexFormat.of().formatHex(sha256(text));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
