package io.forestall.tenants.web;

import io.forestall.tenants.Tenant;
import io.forestall.tenants.TenantStatus;
import java.io.Serializable;

/** A tenant as the platform list shows it; a detached snapshot with getters for Faces' EL. */
public final class TenantRow implements Serializable {

  private final long id;
  private final String slug;
  private final String name;
  private final String timeZone;
  private final String locale;
  private final boolean suspended;

  private TenantRow(Tenant t) {
    id = t.getId();
    slug = t.getSlug();
    name = t.getName();
    timeZone = t.getTimeZone();
    locale = t.getLocale();
    suspended = t.getStatus() == TenantStatus.SUSPENDED;
  }

  static TenantRow of(Tenant t) {
    return new TenantRow(t);
  }

  public long getId() {
    return id;
  }

  public String getSlug() {
    return slug;
  }

  public String getName() {
    return name;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public String getLocale() {
    return locale;
  }

  public boolean isSuspended() {
    return suspended;
  }
}
