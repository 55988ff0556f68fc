package io.forestall.testsupport;

import io.forestall.platform.crypto.SecretBox;
import java.lang.reflect.Field;
import java.util.Optional;

/** A SecretBox outside the container, with the key a server without FORESTALL_SECRETS_KEY uses. */
public final class Secrets {

  private Secrets() {}

  public static SecretBox demoBox() {
    try {
      SecretBox box = new SecretBox();
      Field key = SecretBox.class.getDeclaredField("configuredKey");
      key.setAccessible(true);
      key.set(box, Optional.empty());
      var init = SecretBox.class.getDeclaredMethod("init");
      init.setAccessible(true);
      init.invoke(box);
      return box;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
