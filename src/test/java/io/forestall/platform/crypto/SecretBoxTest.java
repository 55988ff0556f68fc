package io.forestall.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which key a server runs on: the one it is given, or the public demo key only when it runs as the
 * demo; anything else stops it with a message that says how to make a key.
 */
class SecretBoxTest {

  private static final byte[] KEY = new byte[32];

  static {
    for (int i = 0; i < KEY.length; i++) {
      KEY[i] = (byte) (i * 7 + 3);
    }
  }

  private static final String GIVEN = Base64.getEncoder().encodeToString(KEY);

  @Test
  void aGivenKeyIsUsedWithOrWithoutTheDemo() {
    assertArrayEquals(KEY, SecretBox.keyMaterial(Optional.of(GIVEN), false));
    assertArrayEquals(KEY, SecretBox.keyMaterial(Optional.of(" " + GIVEN + "\n"), true));
  }

  @Test
  void withoutAKeyOutsideTheDemoTheServerRefusesToStartAndSaysHowToMakeOne() {
    for (Optional<String> unset : List.of(Optional.<String>empty(), Optional.of("  "))) {
      IllegalStateException refused =
          assertThrows(IllegalStateException.class, () -> SecretBox.keyMaterial(unset, false));
      assertTrue(refused.getMessage().contains("FORESTALL_SECRETS_KEY"), refused.getMessage());
      assertTrue(refused.getMessage().contains("openssl rand -base64 32"), refused.getMessage());
      assertTrue(refused.getMessage().contains("FORESTALL_DEMO=true"), refused.getMessage());
    }
  }

  @Test
  void theDemoRunsOnItsPublicKeyWhenGivenNone() {
    byte[] demo = SecretBox.keyMaterial(Optional.empty(), true);
    assertEquals(32, demo.length);
    assertArrayEquals(demo, SecretBox.keyMaterial(Optional.of(""), true));
  }

  @Test
  void aKeyOfTheWrongLengthOrNotInBase64IsRefusedEvenInTheDemo() {
    for (String bad :
        new String[] {Base64.getEncoder().encodeToString(new byte[16]), "not*base64"}) {
      IllegalStateException refused =
          assertThrows(
              IllegalStateException.class, () -> SecretBox.keyMaterial(Optional.of(bad), true));
      assertTrue(refused.getMessage().contains("32 bytes"), refused.getMessage());
    }
  }
}
