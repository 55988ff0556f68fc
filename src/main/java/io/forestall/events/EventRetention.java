package io.forestall.events;

import io.forestall.kernel.NightlyHousekeeping;
import io.forestall.kernel.TenantKey;
import io.forestall.platform.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The events' nightly work: on PostgreSQL, create the coming months' partitions; for every tenant,
 * delete events (and their idempotency receipts) older than its retention; keep 30 days of the
 * ingest error log. One set-based statement per table and tenant.
 */
@ApplicationScoped
class EventRetention {

  static final Duration KEEP_ERRORS = Duration.ofDays(30);
  private static final Logger LOG = Logger.getLogger(EventRetention.class.getName());

  @Inject Database database;

  void apply(@Observes NightlyHousekeeping housekeeping) {
    Instant now = housekeeping.now();
    try (Connection connection = database.managed().getConnection()) {
      if (database.vendor() == Database.Vendor.POSTGRESQL) {
        try (PreparedStatement partitions =
            connection.prepareStatement("select forestall_event_partitions(2)")) {
          partitions.execute();
        }
      }
      long events = 0;
      long receipts = 0;
      for (Map.Entry<TenantKey, Integer> tenant : housekeeping.eventRetentionDays().entrySet()) {
        Instant cutoff = now.minus(Duration.ofDays(tenant.getValue()));
        long id = tenant.getKey().id();
        events += delete(connection, "customer_event", "occurred_at", id, cutoff);
        receipts += delete(connection, "event_receipt", "received_at", id, cutoff);
      }
      try (PreparedStatement errors =
          connection.prepareStatement("delete from ingest_error where occurred_at < ?")) {
        errors.setObject(1, now.minus(KEEP_ERRORS).atOffset(ZoneOffset.UTC));
        errors.executeUpdate();
      }
      long deletedEvents = events;
      long deletedReceipts = receipts;
      LOG.info(
          () ->
              "Event retention removed "
                  + deletedEvents
                  + " events and "
                  + deletedReceipts
                  + " receipts");
    } catch (SQLException e) {
      throw new PersistenceException("Event retention failed", e);
    }
  }

  private static long delete(
      Connection connection, String table, String column, long tenantId, Instant cutoff)
      throws SQLException {
    // Table and column names are constants of this class, never input.
    try (PreparedStatement delete =
        connection.prepareStatement(
            "delete from " + table + " where tenant_id = ? and " + column + " < ?")) {
      delete.setLong(1, tenantId);
      delete.setObject(2, cutoff.atOffset(ZoneOffset.UTC));
      return delete.executeUpdate();
    }
  }
}
