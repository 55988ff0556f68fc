package io.forestall.testsupport;

import io.forestall.platform.crypto.SecretBox;
import java.lang.reflect.Field;
import java.util.Optional;

/**
 * A SecretBox outside the container, with the key the demo uses: that of a server started with
 * {@code FORESTALL_DEMO=true} and no FORESTALL_SECRETS_KEY, as the test servers are.
 */
public final class Secrets {

  private Secrets() {}

  public static SecretBox demoBox() {
    try {
      SecretBox box = new SecretBox();
      set(box, "configuredKey", Optional.empty());
      set(box, "demo", true);
      var init = SecretBox.class.getDeclaredMethod("init");
      init.setAccessible(true);
      init.invoke(box);
      return box;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void set(SecretBox box, String name, Object value)
      throws ReflectiveOperationException {
    Field field = SecretBox.class.getDeclaredField(name);
    field.setAccessible(true);
    field.set(box, value);
  }
}
