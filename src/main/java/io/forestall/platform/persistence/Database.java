package io.forestall.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The application's database: its two datasources and which vendor it is, so migrations and Quartz
 * can pick their dialect. PostgreSQL in production, H2 (PostgreSQL mode) for the embedded run and
 * tests.
 */
@ApplicationScoped
public class Database {

  /** The vendors whose SQL Forestall ships. */
  public enum Vendor {
    POSTGRESQL,
    H2
  }

  @Resource(lookup = "java:jboss/datasources/ForestallDS")
  DataSource managed;

  @Resource(lookup = "java:jboss/datasources/ForestallNonJtaDS")
  DataSource unmanaged;

  private Vendor vendor;

  /** The JTA datasource: joins the container's transactions. */
  public DataSource managed() {
    return managed;
  }

  /** The non-JTA twin, for work that commits on its own (migrations, Quartz's locks). */
  public DataSource unmanaged() {
    return unmanaged;
  }

  public synchronized Vendor vendor() {
    if (vendor == null) {
      try (Connection connection = unmanaged.getConnection()) {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        vendor = product.contains("postgres") ? Vendor.POSTGRESQL : Vendor.H2;
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot reach the database", e);
      }
    }
    return vendor;
  }
}
