package io.forestall.tenants.web;

import io.forestall.platform.faces.FormErrors;
import io.forestall.platform.faces.Messages;
import io.forestall.tenants.Tenant;
import io.forestall.tenants.TenantService;
import io.forestall.tenants.TenantSettings;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;

/** Backs settings/tenant.xhtml: a tenant admin's name, time zone, language and theme. */
@Named
@ViewScoped
public class TenantSettingsView implements Serializable {

  @Inject TenantService tenants;

  private String name;
  private String timeZone;
  private String locale;
  private String theme;
  private int eventRetentionDays;

  public void load() {
    Tenant tenant = tenants.current();
    name = tenant.getName();
    timeZone = tenant.getTimeZone();
    locale = tenant.getLocale();
    theme = tenant.getTheme();
    eventRetentionDays = tenant.getEventRetentionDays();
  }

  public String save() {
    try {
      tenants.configure(new TenantSettings(name, timeZone, locale, theme, eventRetentionDays));
    } catch (ConstraintViolationException e) {
      FormErrors.show("settings", e);
      return null;
    }
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    Messages.info("settings.saved");
    // A redirect so the new theme and language apply to the very next page.
    return "/settings/tenant?faces-redirect=true";
  }

  public List<String> getTimeZones() {
    return ZoneId.getAvailableZoneIds().stream().sorted().toList();
  }

  public List<String> getThemes() {
    return io.forestall.platform.faces.ShellView.THEMES;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public void setTimeZone(String timeZone) {
    this.timeZone = timeZone;
  }

  public String getLocale() {
    return locale;
  }

  public void setLocale(String locale) {
    this.locale = locale;
  }

  public int getEventRetentionDays() {
    return eventRetentionDays;
  }

  public void setEventRetentionDays(int eventRetentionDays) {
    this.eventRetentionDays = eventRetentionDays;
  }

  public String getTheme() {
    return theme;
  }

  public void setTheme(String theme) {
    this.theme = theme;
  }
}
