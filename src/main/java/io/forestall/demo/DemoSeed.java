package io.forestall.demo;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.customers.CustomerDraft;
import io.forestall.customers.CustomerService;
import io.forestall.kernel.Caller;
import io.forestall.kernel.TenantContext;
import io.forestall.kernel.TenantKey;
import io.forestall.platform.persistence.DatabaseMigrations;
import io.forestall.tenants.Tenant;
import io.forestall.tenants.TenantService;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Seeds the demo tenants and customers after the migrations, when the demo is switched on. */
@ApplicationScoped
class DemoSeed {

  private static final Logger LOG = Logger.getLogger(DemoSeed.class.getName());

  @Inject
  @ConfigProperty(name = "forestall.demo", defaultValue = "false")
  boolean enabled;

  @Inject TenantService tenants;
  @Inject CustomerService customers;

  void seed(@Observes @Priority(DatabaseMigrations.PRIORITY + 100) Startup startup) {
    if (!enabled) {
      return;
    }
    Caller.runAs(
        Caller.SYSTEM,
        () -> {
          Tenant acme = tenants.ensure("acme", "Acme Telecom", "Europe/London", "en");
          Tenant globex = tenants.ensure("globex", "Globex Airlines", "Europe/Berlin", "de");
          seed(acme, DemoCustomers.ACME);
          seed(globex, DemoCustomers.GLOBEX);
        });
    LOG.info("Demo tenants acme and globex are seeded");
  }

  private void seed(Tenant tenant, List<DemoCustomers.Row> rows) {
    TenantContext.run(
        new TenantKey(tenant.getId(), tenant.getSlug()),
        () -> {
          for (DemoCustomers.Row row : rows) {
            if (customers.findByExternalId(row.externalId()).isEmpty()) {
              customers.create(draft(row));
            }
          }
        });
  }

  private static CustomerDraft draft(DemoCustomers.Row row) {
    JsonObject attributes =
        JSON.createObjectBuilder()
            .add("plan", row.plan())
            .add("segment", row.segment())
            .add("country", row.country())
            .build();
    return new CustomerDraft(
        row.externalId(),
        row.name(),
        row.email(),
        row.phone(),
        row.locale(),
        row.timeZone(),
        attributes,
        true,
        row.phone() != null);
  }
}
