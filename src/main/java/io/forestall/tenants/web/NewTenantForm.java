package io.forestall.tenants.web;

import io.forestall.tenants.NewTenant;
import java.io.Serializable;

/** The create-tenant dialog's state. */
public class NewTenantForm implements Serializable {

  private String slug;
  private String name;
  private String timeZone = "Europe/London";
  private String locale = "en";
  private String adminUsername;
  private String adminEmail;

  NewTenant toRequest() {
    return new NewTenant(slug, name, timeZone, locale, adminUsername, adminEmail);
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
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

  public String getAdminUsername() {
    return adminUsername;
  }

  public void setAdminUsername(String adminUsername) {
    this.adminUsername = adminUsername;
  }

  public String getAdminEmail() {
    return adminEmail;
  }

  public void setAdminEmail(String adminEmail) {
    this.adminEmail = adminEmail;
  }
}
