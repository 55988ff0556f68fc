package io.forestall.outreach.web;

import io.forestall.kernel.ViolationException;
import io.forestall.outreach.GuardrailSettings;
import io.forestall.outreach.Guardrails;
import io.forestall.platform.faces.FormErrors;
import io.forestall.platform.faces.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalTime;

/** Backs settings/outreach.xhtml: quiet hours and the frequency cap. */
@Named
@ViewScoped
public class GuardrailsView implements Serializable {

  @Inject GuardrailSettings settings;

  private LocalTime quietStart;
  private LocalTime quietEnd;
  private int capMessages;
  private int capDays;

  public void load() {
    Guardrails g = settings.get();
    quietStart = g.quietStart();
    quietEnd = g.quietEnd();
    capMessages = g.capMessages();
    capDays = g.capDays();
  }

  public void save() {
    try {
      settings.save(new Guardrails(quietStart, quietEnd, capMessages, capDays));
      Messages.info("guardrails.saved");
    } catch (ViolationException e) {
      FormErrors.show("guardrails", e.violations(), "guardrails.");
    }
  }

  public LocalTime getQuietStart() {
    return quietStart;
  }

  public void setQuietStart(LocalTime quietStart) {
    this.quietStart = quietStart;
  }

  public LocalTime getQuietEnd() {
    return quietEnd;
  }

  public void setQuietEnd(LocalTime quietEnd) {
    this.quietEnd = quietEnd;
  }

  public int getCapMessages() {
    return capMessages;
  }

  public void setCapMessages(int capMessages) {
    this.capMessages = capMessages;
  }

  public int getCapDays() {
    return capDays;
  }

  public void setCapDays(int capDays) {
    this.capDays = capDays;
  }
}
