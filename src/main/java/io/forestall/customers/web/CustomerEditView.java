package io.forestall.customers.web;

import io.forestall.customers.CustomerService;
import io.forestall.kernel.ConflictException;
import io.forestall.platform.faces.FormErrors;
import io.forestall.platform.faces.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonException;
import jakarta.validation.ConstraintViolationException;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Backs customers/edit.xhtml: creates a customer, or edits the one named by the {@code id}
 * parameter.
 */
@Named
@ViewScoped
public class CustomerEditView implements Serializable {

  private static final String FORM = "customer";

  @Inject CustomerService customers;

  private Long id;
  private CustomerForm form;

  public void load() {
    form = id == null ? new CustomerForm() : CustomerForm.of(customers.get(id));
  }

  public String save() {
    try {
      if (id == null) {
        customers.create(form.toDraft());
      } else {
        customers.update(id, form.toDraft());
      }
    } catch (JsonException e) {
      Messages.fieldError(FORM + ":attributes", "customer.attributes.invalid");
      FacesContext.getCurrentInstance().validationFailed();
      return null;
    } catch (ConstraintViolationException e) {
      FormErrors.show(FORM, e);
      return null;
    } catch (ConflictException e) {
      Messages.fieldError(FORM + ":externalId", "customer.externalId.taken", form.getExternalId());
      FacesContext.getCurrentInstance().validationFailed();
      return null;
    }
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    Messages.info("customer.saved", form.getExternalId());
    return "/customers/list?faces-redirect=true";
  }

  /** Time zone ids for the picker's suggestions. */
  public List<String> completeTimeZone(String text) {
    String wanted = text == null ? "" : text.toLowerCase(Locale.ROOT);
    return ZoneId.getAvailableZoneIds().stream()
        .filter(z -> z.toLowerCase(Locale.ROOT).contains(wanted))
        .sorted()
        .limit(20)
        .toList();
  }

  public boolean isNew() {
    return id == null;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public CustomerForm getForm() {
    return form;
  }
}
