package io.forestall.platform.security;

import io.forestall.kernel.Caller;
import io.forestall.kernel.TenantProfile;
import jakarta.enterprise.context.RequestScoped;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/** What the request filter learned about this request's user, for the app shell and logout. */
@RequestScoped
public class CurrentSession {

  private Caller caller;
  private TenantProfile tenant;
  private Locale locale;
  private String idToken;

  void set(Caller caller, TenantProfile tenant, Locale locale, String idToken) {
    this.caller = caller;
    this.tenant = tenant;
    this.locale = locale;
    this.idToken = idToken;
  }

  public Optional<Caller> caller() {
    return Optional.ofNullable(caller);
  }

  public Optional<TenantProfile> tenant() {
    return Optional.ofNullable(tenant);
  }

  /** The signed-in tenant's time zone; UTC outside a tenant. */
  public ZoneId zone() {
    return tenant().map(TenantProfile::zone).orElse(ZoneOffset.UTC);
  }

  public Optional<Locale> locale() {
    return Optional.ofNullable(locale);
  }

  Optional<String> idToken() {
    return Optional.ofNullable(idToken);
  }
}
