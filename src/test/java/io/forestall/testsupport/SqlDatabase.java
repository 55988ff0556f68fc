package io.forestall.testsupport;

import io.forestall.triggers.SqlDialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * A migrated database for SQL unit tests, of the kind the build tests against: a fresh in-memory
 * H2, or with {@code -Ppostgres} a recreated schema {@code forestall_unit} on the local PostgreSQL.
 */
public final class SqlDatabase {

  private SqlDatabase() {}

  public static boolean postgres() {
    return "postgresql".equals(System.getProperty("forestall.db.driver"));
  }

  public static SqlDialect dialect() {
    return postgres() ? SqlDialect.POSTGRESQL : SqlDialect.H2;
  }

  /** A connection to a freshly migrated, empty database. */
  public static Connection fresh() throws SQLException {
    String url;
    String user;
    if (postgres()) {
      try (Connection admin =
              DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
          Statement s = admin.createStatement()) {
        s.execute("drop schema if exists forestall_unit cascade");
        s.execute("create schema forestall_unit");
      }
      url = "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=forestall_unit";
      user = "postgres";
    } else {
      url =
          "jdbc:h2:mem:unit"
              + UUID.randomUUID()
              + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
      user = "sa";
    }
    Flyway.configure()
        .dataSource(url, user, "")
        .locations(
            "classpath:db/migration/common",
            "classpath:db/migration/" + (postgres() ? "postgresql" : "h2"))
        .load()
        .migrate();
    return DriverManager.getConnection(url, user, "");
  }
}
