package io.forestall.platform.persistence;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date with Flyway before anything else starts. Migrations live in {@code
 * db/migration/common} plus one folder per vendor for the statements whose SQL must differ.
 */
@ApplicationScoped
public class DatabaseMigrations {

  /** Startup order: migrations first, then seeds, then the scheduler. */
  public static final int PRIORITY = 100;

  private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

  @Inject Database database;

  void migrate(@Observes @Priority(PRIORITY) Startup startup) {
    String vendor = database.vendor().name().toLowerCase(Locale.ROOT);
    Flyway flyway =
        Flyway.configure(DatabaseMigrations.class.getClassLoader())
            .dataSource(database.unmanaged())
            .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
            .load();
    int applied = flyway.migrate().migrationsExecuted;
    var current = flyway.info().current();
    LOG.info(
        () ->
            "Database schema at version "
                + (current == null ? "none" : current.getVersion())
                + " on "
                + vendor
                + " ("
                + applied
                + " migrations applied now)");
  }
}
