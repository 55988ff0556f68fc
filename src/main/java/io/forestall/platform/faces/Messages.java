package io.forestall.platform.faces;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Adds localised messages from the {@code msg} bundle to the current Faces response. */
public final class Messages {

  private Messages() {}

  public static void info(String key, Object... args) {
    add(null, FacesMessage.SEVERITY_INFO, key, args);
  }

  public static void error(String key, Object... args) {
    add(null, FacesMessage.SEVERITY_ERROR, key, args);
  }

  /** An error attached to one input, shown beside it. */
  public static void fieldError(String clientId, String key, Object... args) {
    add(clientId, FacesMessage.SEVERITY_ERROR, key, args);
  }

  /** The text for {@code key} in the view's locale; the key itself when the bundle lacks it. */
  public static String text(String key, Object... args) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
    try {
      String pattern = bundle.getString(key);
      return args.length == 0 ? pattern : MessageFormat.format(pattern, args);
    } catch (MissingResourceException e) {
      return key;
    }
  }

  private static void add(
      String clientId, FacesMessage.Severity severity, String key, Object[] args) {
    FacesContext.getCurrentInstance()
        .addMessage(clientId, new FacesMessage(severity, text(key, args), null));
  }
}
