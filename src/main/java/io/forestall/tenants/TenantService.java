package io.forestall.tenants;

import io.forestall.audit.AuditLog;
import io.forestall.audit.AuditState;
import io.forestall.kernel.Allowed;
import io.forestall.kernel.ConflictException;
import io.forestall.kernel.Role;
import io.forestall.kernel.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/**
 * Creates, renames, suspends and configures tenants. Platform operations need {@code
 * platform-admin}; a tenant admin's changes to their own tenant are audited.
 */
@ApplicationScoped
@Transactional
public class TenantService {

  public static final String DEFAULT_THEME = "forestall";
  static final String AUDIT_SUBJECT = "tenant-settings";

  private static final Logger LOG = Logger.getLogger(TenantService.class.getName());

  @Inject TenantRepository tenants;
  @Inject IdentityProvisioning identities;
  @Inject TenantLookup lookup;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /**
   * Creates the tenant and, in Keycloak, its group and first admin. If Keycloak refuses, the
   * transaction rolls back and no tenant row remains.
   */
  @Allowed(Role.PLATFORM_ADMIN)
  public TenantCreated create(@Valid NewTenant request) {
    if (tenants.findBySlug(request.slug()).isPresent()) {
      throw new ConflictException("A tenant with the slug '" + request.slug() + "' already exists");
    }
    Tenant tenant =
        new Tenant(
            request.slug(),
            request.name(),
            request.timeZone(),
            request.locale(),
            DEFAULT_THEME,
            clock.instant());
    tenants.add(tenant);
    String password =
        identities.provisionTenant(
            request.slug(), request.name(), request.adminUsername(), request.adminEmail());
    LOG.info(() -> "Created tenant " + request.slug() + " with admin " + request.adminUsername());
    return new TenantCreated(tenant.getId(), tenant.getSlug(), request.adminUsername(), password);
  }

  @Allowed(Role.PLATFORM_ADMIN)
  public List<Tenant> all() {
    return tenants.all();
  }

  @Allowed(Role.PLATFORM_ADMIN)
  public void rename(long id, @NotBlank @Size(max = 120) String name) {
    changed(tenants.get(id)).rename(name.strip());
  }

  @Allowed(Role.PLATFORM_ADMIN)
  public void suspend(long id) {
    changed(tenants.get(id)).setStatus(TenantStatus.SUSPENDED);
  }

  @Allowed(Role.PLATFORM_ADMIN)
  public void resume(long id) {
    changed(tenants.get(id)).setStatus(TenantStatus.ACTIVE);
  }

  /** Sets how many ingest requests per second a tenant may send. */
  @Allowed(Role.PLATFORM_ADMIN)
  public void limitIngest(long id, @Min(1) @Max(100_000) int requestsPerSecond) {
    changed(tenants.get(id)).limitIngest(requestsPerSecond);
  }

  /** The caller's own tenant. */
  @Allowed({Role.TENANT_ADMIN, Role.AGENT, Role.VIEWER})
  public Tenant current() {
    return tenants.get(TenantContext.require().id());
  }

  /** A tenant admin changes their own tenant's name, time zone, language and theme. */
  @Allowed(Role.TENANT_ADMIN)
  public void configure(@Valid TenantSettings settings) {
    Tenant tenant = changed(tenants.get(TenantContext.require().id()));
    String before = state(tenant);
    tenant.rename(settings.name().strip());
    tenant.configure(settings.timeZone(), settings.locale(), settings.theme());
    tenant.keepEventsFor(settings.eventRetentionDays());
    String after = state(tenant);
    if (!before.equals(after)) {
      audit.record(AUDIT_SUBJECT, tenant.getId(), tenant.getName(), "saved", before, after);
    }
  }

  private static String state(Tenant tenant) {
    return AuditState.of()
        .with("name", tenant.getName())
        .with("timeZone", tenant.getTimeZone())
        .with("locale", tenant.getLocale())
        .with("theme", tenant.getTheme())
        .with("eventRetentionDays", tenant.getEventRetentionDays())
        .json();
  }

  /**
   * Makes sure a tenant exists whose identities are managed elsewhere (the demo realm ships its
   * users). For seeding, which runs as the system caller.
   */
  @Allowed(Role.PLATFORM_ADMIN)
  public Tenant ensure(String slug, String name, String timeZone, String locale) {
    return tenants
        .findBySlug(slug)
        .orElseGet(
            () -> {
              Tenant tenant =
                  new Tenant(slug, name, timeZone, locale, DEFAULT_THEME, clock.instant());
              tenants.add(tenant);
              return tenant;
            });
  }

  /** Forgets the edge's remembered profile of a tenant about to change. */
  private Tenant changed(Tenant tenant) {
    lookup.forget(tenant.getSlug());
    return tenant;
  }
}
