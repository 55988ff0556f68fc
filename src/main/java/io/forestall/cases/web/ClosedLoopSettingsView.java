package io.forestall.cases.web;

import io.forestall.cases.ClosedLoopSettings;
import io.forestall.cases.LoopSettings;
import io.forestall.kernel.ViolationException;
import io.forestall.platform.faces.FormErrors;
import io.forestall.platform.faces.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Backs settings/closed-loop.xhtml: the contact event types and the cost of one contact. */
@Named
@ViewScoped
public class ClosedLoopSettingsView implements Serializable {

  @Inject ClosedLoopSettings settings;

  private List<String> contactTypes;
  private BigDecimal costPerContact;
  private String currency;

  public void load() {
    LoopSettings s = settings.get();
    contactTypes = new ArrayList<>(s.contactTypes());
    costPerContact = s.costPerContact();
    currency = s.currency();
  }

  public void save() {
    try {
      settings.save(
          new LoopSettings(
              contactTypes == null
                  ? List.of()
                  : contactTypes.stream().map(String::strip).filter(t -> !t.isEmpty()).toList(),
              costPerContact,
              currency == null ? null : currency.strip().toUpperCase(Locale.ROOT)));
      Messages.info("loop.saved");
    } catch (ViolationException e) {
      FormErrors.show("loop", e.violations(), "loop.");
    }
  }

  public List<String> getContactTypes() {
    return contactTypes;
  }

  public void setContactTypes(List<String> contactTypes) {
    this.contactTypes = contactTypes;
  }

  public BigDecimal getCostPerContact() {
    return costPerContact;
  }

  public void setCostPerContact(BigDecimal costPerContact) {
    this.costPerContact = costPerContact;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }
}
