package io.forestall.platform.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyStore;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which key the cluster runs on: one derived from the secret it is given, or the demo's only when
 * it runs as the demo; anything else fails the store, and with it the cluster channel, with a
 * message that says how to make a secret. WildFly reads it as a key store with one AES secret key
 * entry.
 */
class ClusterKeyStoreTest {

  private static final String SECRET = "K1c4gYv0m9Qe2N7sLr5Tz8Xw3Hb6Ud1Fj0Pa4Io7Ey=";

  @Test
  void theSameSecretGivesTheSameKeyAndAnotherSecretAnotherKey() {
    byte[] key = ClusterKeyStore.keyMaterial(Optional.of(SECRET), false);
    assertEquals(32, key.length);
    assertArrayEquals(key, ClusterKeyStore.keyMaterial(Optional.of(SECRET), true));
    assertArrayEquals(key, ClusterKeyStore.keyMaterial(Optional.of(" " + SECRET + "\n"), false));
    assertFalse(Arrays.equals(key, ClusterKeyStore.keyMaterial(Optional.of(SECRET + "x"), false)));
    assertFalse(
        Arrays.equals(key, ClusterKeyStore.keyMaterial(Optional.empty(), true)),
        "not the demo's key");
  }

  @Test
  void withoutASecretOutsideTheDemoTheStoreRefusesAndSaysHowToMakeOne() {
    for (Optional<String> unset : List.of(Optional.<String>empty(), Optional.of("  "))) {
      IllegalStateException refused =
          assertThrows(
              IllegalStateException.class, () -> ClusterKeyStore.keyMaterial(unset, false));
      assertTrue(refused.getMessage().contains("FORESTALL_CLUSTER_KEY"), refused.getMessage());
      assertTrue(refused.getMessage().contains("openssl rand -base64 32"), refused.getMessage());
      assertTrue(refused.getMessage().contains("FORESTALL_DEMO=true"), refused.getMessage());
    }
  }

  @Test
  void aShortSecretIsRefusedEvenInTheDemo() {
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () -> ClusterKeyStore.keyMaterial(Optional.of("short"), true));
    assertTrue(refused.getMessage().contains("at least 16"), refused.getMessage());
  }

  @Test
  void asAKeyStoreItHoldsOneAesKeyUnderItsAlias() throws Exception {
    KeyStore store = load(Map.of("FORESTALL_CLUSTER_KEY", SECRET));
    assertEquals(List.of(ClusterKeyStore.ALIAS), Collections.list(store.aliases()));
    assertTrue(store.entryInstanceOf(ClusterKeyStore.ALIAS, KeyStore.SecretKeyEntry.class));
    KeyStore.SecretKeyEntry entry =
        assertInstanceOf(
            KeyStore.SecretKeyEntry.class,
            store.getEntry(
                ClusterKeyStore.ALIAS, new KeyStore.PasswordProtection("any".toCharArray())));
    assertEquals("AES", entry.getSecretKey().getAlgorithm());
    assertArrayEquals(
        ClusterKeyStore.keyMaterial(Optional.of(SECRET), false), entry.getSecretKey().getEncoded());
    assertThrows(Exception.class, () -> store.deleteEntry(ClusterKeyStore.ALIAS));
  }

  /** The store loads (the build provisions the server without a secret); its key is refused. */
  @Test
  void withoutASecretTheKeyIsRefusedUnlessTheDemoRuns() throws Exception {
    KeyStore store = load(Map.of());
    assertEquals(0, store.size());
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> store.containsAlias(ClusterKeyStore.ALIAS));
    assertTrue(refused.getMessage().contains("FORESTALL_CLUSTER_KEY"), refused.getMessage());
    assertThrows(
        IllegalStateException.class,
        () -> store.getEntry(ClusterKeyStore.ALIAS, new KeyStore.PasswordProtection(new char[0])));
    assertTrue(load(Map.of("FORESTALL_DEMO", "true")).containsAlias(ClusterKeyStore.ALIAS));
  }

  @Test
  void theProviderOffersTheStoreUnderItsType() throws Exception {
    assertEquals(
        ClusterKeys.TYPE, KeyStore.getInstance(ClusterKeys.TYPE, new ClusterKeys()).getType());
  }

  private static KeyStore load(Map<String, String> environment) throws Exception {
    KeyStore store =
        new KeyStore(new ClusterKeyStore(environment::get), new ClusterKeys(), ClusterKeys.TYPE) {};
    store.load(null, null);
    return store;
  }
}
