package io.forestall.platform.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.KeyStoreException;
import java.security.KeyStoreSpi;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Date;
import java.util.Enumeration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import javax.crypto.spec.SecretKeySpec;

/**
 * A key store holding one AES-256 key, {@value ALIAS}, derived from {@code FORESTALL_CLUSTER_KEY}:
 * JGroups' SYM_ENCRYPT encrypts the nodes' messages with it, so only nodes given the same secret
 * read each other. Only the demo ({@code FORESTALL_DEMO=true}) runs without a secret, on a public
 * one; anywhere else asking for the key fails, and with it the cluster channel. The refusal comes
 * when the key is asked for rather than when the store loads, because the build provisions the
 * server (and starts the store) without the secret.
 */
public final class ClusterKeyStore extends KeyStoreSpi {

  public static final String ALIAS = "cluster";

  /** The demo's public secret; configure.cli gives AUTH the same one as its default. */
  static final String DEMO_SECRET = "forestall-demo-cluster-key";

  static final int MINIMUM_LENGTH = 16;

  /** Keeps this key apart from AUTH's digest of the same secret. */
  private static final String PURPOSE = "forestall cluster encryption\n";

  private static final Logger LOG = Logger.getLogger(ClusterKeyStore.class.getName());
  private static final Date CREATED = new Date(0);

  private final UnaryOperator<String> environment;
  private SecretKeySpec key;
  private IllegalStateException refusal;

  /** The store as the provider makes it, reading the server's environment. */
  public ClusterKeyStore() {
    this(System::getenv);
  }

  ClusterKeyStore(UnaryOperator<String> environment) {
    this.environment = environment;
  }

  /** Derives the key; the stream and password are ignored, since nothing is read from a file. */
  @Override
  public void engineLoad(InputStream stream, char[] password) {
    try {
      key =
          new SecretKeySpec(
              keyMaterial(
                  Optional.ofNullable(environment.apply("FORESTALL_CLUSTER_KEY")),
                  Boolean.parseBoolean(environment.apply("FORESTALL_DEMO"))),
              "AES");
      refusal = null;
    } catch (IllegalStateException e) {
      key = null;
      refusal = e;
    }
  }

  /**
   * The key's 32 bytes: SHA-256 of the secret in {@code FORESTALL_CLUSTER_KEY}, or of the demo's
   * when it is unset and the server runs as the demo. Anywhere else an unset or short secret is
   * refused.
   */
  static byte[] keyMaterial(Optional<String> configured, boolean demo) {
    Optional<String> given = configured.map(String::strip).filter(k -> !k.isEmpty());
    if (given.isEmpty()) {
      if (!demo) {
        throw new IllegalStateException(
            "FORESTALL_CLUSTER_KEY is not set, so this node cannot join its cluster. Give every"
                + " node the same secret, made with 'openssl rand -base64 32'. Only the demo"
                + " (FORESTALL_DEMO=true) runs without one.");
      }
      LOG.warning("FORESTALL_CLUSTER_KEY is not set: the demo's nodes share its public key");
      return sha256(DEMO_SECRET);
    }
    if (given.get().length() < MINIMUM_LENGTH) {
      throw new IllegalStateException(
          "FORESTALL_CLUSTER_KEY must be at least "
              + MINIMUM_LENGTH
              + " characters: make one with 'openssl rand -base64 32'");
    }
    return sha256(given.get());
  }

  private static byte[] sha256(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest((PURPOSE + secret).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Key engineGetKey(String alias, char[] password) {
    return engineIsKeyEntry(alias) ? key : null;
  }

  /** Whether the alias is the key's; without a usable secret, the reason why there is none. */
  @Override
  public boolean engineIsKeyEntry(String alias) {
    if (refusal != null) {
      throw new IllegalStateException(refusal.getMessage(), refusal);
    }
    return key != null && ALIAS.equals(alias);
  }

  @Override
  public boolean engineContainsAlias(String alias) {
    return engineIsKeyEntry(alias);
  }

  @Override
  public Enumeration<String> engineAliases() {
    return Collections.enumeration(
        key == null ? Collections.<String>emptyList() : Collections.singletonList(ALIAS));
  }

  @Override
  public int engineSize() {
    return key == null ? 0 : 1;
  }

  @Override
  public Date engineGetCreationDate(String alias) {
    return key != null && ALIAS.equals(alias) ? CREATED : null;
  }

  @Override
  public Certificate[] engineGetCertificateChain(String alias) {
    return null;
  }

  @Override
  public Certificate engineGetCertificate(String alias) {
    return null;
  }

  @Override
  public boolean engineIsCertificateEntry(String alias) {
    return false;
  }

  @Override
  public String engineGetCertificateAlias(Certificate cert) {
    return null;
  }

  @Override
  public void engineSetKeyEntry(String alias, Key key, char[] password, Certificate[] chain)
      throws KeyStoreException {
    throw readOnly();
  }

  @Override
  public void engineSetKeyEntry(String alias, byte[] key, Certificate[] chain)
      throws KeyStoreException {
    throw readOnly();
  }

  @Override
  public void engineSetCertificateEntry(String alias, Certificate cert) throws KeyStoreException {
    throw readOnly();
  }

  @Override
  public void engineDeleteEntry(String alias) throws KeyStoreException {
    throw readOnly();
  }

  @Override
  public void engineStore(OutputStream stream, char[] password) throws IOException {
    throw new IOException("The cluster key comes from FORESTALL_CLUSTER_KEY and is never stored");
  }

  private static KeyStoreException readOnly() {
    return new KeyStoreException("The cluster key comes from FORESTALL_CLUSTER_KEY only");
  }
}
