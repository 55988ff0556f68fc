package io.forestall.platform.faces;

import io.forestall.kernel.Caller;
import io.forestall.kernel.Role;
import io.forestall.kernel.TenantProfile;
import io.forestall.platform.security.CurrentSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Backs the master template: who is signed in, for which tenant, in which language and theme, and
 * which menu entries their roles open.
 */
@Named("shell")
@RequestScoped
public class ShellView {

  /** Themes a tenant may pick; each is a Faces resource library {@code primefaces-<name>}. */
  public static final List<String> THEMES = List.of("forestall", "saga-blue");

  private static final List<String> LANGUAGES = List.of("en", "de");
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @Inject CurrentSession session;

  public String getUserName() {
    return session.caller().map(Caller::displayName).orElse("");
  }

  public String getTenantName() {
    return session.tenant().map(TenantProfile::name).orElse(isPlatformAdmin() ? "Platform" : "");
  }

  public String getTheme() {
    return session
        .tenant()
        .map(TenantProfile::theme)
        .filter(THEMES::contains)
        .orElse(THEMES.get(0));
  }

  /** The user's language from their Keycloak profile, else the browser's, else the tenant's. */
  public Locale getLocale() {
    FacesContext faces = FacesContext.getCurrentInstance();
    Locale browser = faces == null ? null : faces.getExternalContext().getRequestLocale();
    return session
        .locale()
        .filter(l -> LANGUAGES.contains(l.getLanguage()))
        .or(
            () ->
                browser != null && LANGUAGES.contains(browser.getLanguage())
                    ? java.util.Optional.of(browser)
                    : java.util.Optional.empty())
        .or(() -> session.tenant().map(t -> Locale.forLanguageTag(t.locale())))
        .orElse(Locale.ENGLISH);
  }

  /** A moment as date and time in the tenant's time zone (UTC outside a tenant), for tables. */
  public String dateTime(Instant instant) {
    if (instant == null) {
      return "";
    }
    return DATE_TIME.format(instant.atZone(session.zone()));
  }

  public boolean isPlatformAdmin() {
    return has(Role.PLATFORM_ADMIN);
  }

  public boolean isTenantAdmin() {
    return has(Role.TENANT_ADMIN);
  }

  /** Anyone working inside a tenant: admin, agent or viewer. */
  public boolean isTenantMember() {
    return session.tenant().isPresent();
  }

  public boolean isEditor() {
    return has(Role.TENANT_ADMIN) || has(Role.AGENT);
  }

  private boolean has(String role) {
    return session.caller().map(c -> c.roles().contains(role)).orElse(false);
  }
}
