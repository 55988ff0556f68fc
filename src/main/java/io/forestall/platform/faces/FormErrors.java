package io.forestall.platform.faces;

import io.forestall.kernel.Violation;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.List;

/**
 * Shows a service's Bean Validation failures beside the inputs they concern: an input's id is the
 * name of the property it edits, inside the form {@code formId}. Unknown properties go to the
 * page's messages.
 */
public final class FormErrors {

  private FormErrors() {}

  public static void show(String formId, ConstraintViolationException failure) {
    FacesContext faces = FacesContext.getCurrentInstance();
    for (ConstraintViolation<?> violation : failure.getConstraintViolations()) {
      String property = lastNode(violation.getPropertyPath());
      String clientId = formId + ":" + property;
      boolean known = faces.getViewRoot().findComponent(clientId) != null;
      faces.addMessage(
          known ? clientId : null,
          new FacesMessage(FacesMessage.SEVERITY_ERROR, violation.getMessage(), null));
    }
    faces.validationFailed();
  }

  /**
   * Shows a service's broken rules beside their inputs: a pointer {@code /capDays} names the input
   * {@code formId:capDays}, labelled by the message {@code labels + "capDays"}.
   */
  public static void show(String formId, List<Violation> violations, String labels) {
    for (Violation v : violations) {
      String field = v.pointer().substring(v.pointer().lastIndexOf('/') + 1);
      Messages.fieldError(
          formId + ":" + field, "form.invalid", Messages.text(labels + field), v.message());
    }
    FacesContext.getCurrentInstance().validationFailed();
  }

  private static String lastNode(Path path) {
    String name = "";
    for (Path.Node node : path) {
      if (node.getName() != null) {
        name = node.getName();
      }
    }
    // Class-level checks such as isAttributesSizeValid() report under "attributesSizeValid".
    return name.endsWith("SizeValid")
        ? name.substring(0, name.length() - "SizeValid".length())
        : name;
  }
}
