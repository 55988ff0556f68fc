package io.forestall.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Writes tenants, customers, playbooks, cases, events and messages straight into a database from
 * {@link SqlDatabase}, for unit tests of set-based SQL; columns left out take plain defaults.
 */
public final class CaseRows {

  private final Connection db;
  private final Instant now;
  private int serial;

  public CaseRows(Connection db, Instant now) {
    this.db = db;
    this.now = now;
  }

  public long tenant(String slug) throws SQLException {
    return insert(
        "insert into tenant (slug, name, time_zone, locale, theme, status, created_at)"
            + " values (?, ?, 'UTC', 'en', 'saga', 'ACTIVE', ?)",
        slug,
        slug,
        at(now));
  }

  public long customer(long tenant) throws SQLException {
    String id = "C" + (++serial);
    return insert(
        "insert into customer (tenant_id, external_id, name, attributes, created_at, updated_at)"
            + " values (?, ?, ?, '{}', ?, ?)",
        tenant,
        id,
        id,
        at(now),
        at(now));
  }

  public long playbook(long tenant, String name) throws SQLException {
    return insert(
        "insert into playbook (tenant_id, name, status, draft, created_at, updated_at)"
            + " values (?, ?, 'ACTIVE', '{}', ?, ?)",
        tenant,
        name,
        at(now),
        at(now));
  }

  /** A case to be shaped further with {@link #set}. */
  public long caseOf(long tenant, long playbook, long customer, String level, String state)
      throws SQLException {
    return insert(
        "insert into customer_case (tenant_id, playbook_id, playbook_version, customer_id,"
            + " window_key, level, state, priority, holdout, summary, evidence, detected_at,"
            + " updated_at) values (?, ?, 1, ?, ?, ?, ?, 3, ?, 'summary', '{}', ?, ?)",
        tenant,
        playbook,
        customer,
        "w" + (++serial),
        level,
        state,
        state.equals("HELD_OUT"),
        at(now),
        at(now));
  }

  /** Sets one column of a case, such as {@code resolved_at}. */
  public void set(long caseId, String column, Object value) throws SQLException {
    try (PreparedStatement update =
        db.prepareStatement("update customer_case set " + column + " = ? where id = ?")) {
      update.setObject(1, value instanceof Instant i ? at(i) : value);
      update.setLong(2, caseId);
      update.executeUpdate();
    }
  }

  public long event(long tenant, long customer, String type, Instant occurred, Instant received)
      throws SQLException {
    return insert(
        "insert into customer_event (tenant_id, customer_id, event_id, type, occurred_at,"
            + " attributes, received_at) values (?, ?, ?, ?, ?, '{}', ?)",
        tenant,
        customer,
        "e" + (++serial),
        type,
        at(occurred),
        at(received));
  }

  /** A message of the case in {@code state} (SENT, SKIPPED…). */
  public void message(long tenant, long caseId, long customer, String state) throws SQLException {
    long template =
        insert(
            "insert into message_template (tenant_id, name, channel, draft, created_at,"
                + " updated_at) values (?, ?, 'EMAIL', '{}', ?, ?)",
            tenant,
            "t" + (++serial),
            at(now),
            at(now));
    insert(
        "insert into outreach_message (tenant_id, case_id, customer_id, channel, template_id,"
            + " template_version, idempotency_key, state, next_attempt_at, created_at,"
            + " updated_at) values (?, ?, ?, 'EMAIL', ?, 1, ?, ?, ?, ?, ?)",
        tenant,
        caseId,
        customer,
        template,
        "k" + (++serial),
        state,
        at(now),
        at(now),
        at(now));
  }

  /** One value of a query with one row and column. */
  public Object value(String sql, Object... params) throws SQLException {
    try (PreparedStatement query = db.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        query.setObject(i + 1, params[i]);
      }
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getObject(1);
      }
    }
  }

  private long insert(String sql, Object... params) throws SQLException {
    try (PreparedStatement insert = db.prepareStatement(sql, new String[] {"id"})) {
      for (int i = 0; i < params.length; i++) {
        insert.setObject(i + 1, params[i]);
      }
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  private static Object at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
