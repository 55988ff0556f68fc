package io.forestall.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The closed loop's set-based statements for one tenant. Each move is one update over all the
 * tenant's cases it applies to; its timeline steps are one insert-select of the cases the update
 * marked with its own moment ({@code reopened_at} or {@code verified_at}), so a concurrent run on
 * another node neither moves a case twice nor writes a step for a case it did not move.
 */
final class LoopSql {

  /** A case the customer came back about, as it is told to integrations. */
  record Reopened(
      long caseId, long playbookId, long customerId, String rootCause, int repeatContacts) {}

  private static final String SYSTEM_NOTE = "Contact within the verify window: ";

  private LoopSql() {}

  /**
   * RESOLVED cases whose customer made a contact (an event of {@code types} received after {@code
   * since}) after the resolution and within the verify window: REOPENED, one more repeat contact, a
   * step each. Answers the cases it reopened.
   */
  static List<Reopened> reopen(
      Connection c, long tenant, List<String> types, Instant since, Instant now, String actor)
      throws SQLException {
    OffsetDateTime at = at(now);
    String contact =
        "exists (select 1 from customer_event e where e.tenant_id = c.tenant_id"
            + " and e.customer_id = c.customer_id and e.type in ("
            + marks(types.size())
            + ") and e.received_at > ? and e.occurred_at > c.resolved_at"
            + " and e.occurred_at <= c.verify_until)";
    try (PreparedStatement update =
        c.prepareStatement(
            "update customer_case c set state = 'REOPENED', repeat_contacts = repeat_contacts + 1,"
                + " reopened_at = ?, updated_at = ?, version = version + 1"
                + " where c.tenant_id = ? and c.state = 'RESOLVED' and "
                + contact)) {
      int p = 1;
      update.setObject(p++, at);
      update.setObject(p++, at);
      update.setLong(p++, tenant);
      for (String type : types) {
        update.setString(p++, type);
      }
      update.setObject(p, at(since));
      if (update.executeUpdate() == 0) {
        return List.of();
      }
    }
    try (PreparedStatement steps =
        c.prepareStatement(
            "insert into case_step (tenant_id, case_id, at, state, actor, note)"
                + " select c.tenant_id, c.id, ?, 'REOPENED', ?, '"
                + SYSTEM_NOTE
                + "' || (select min(e.type) from customer_event e where e.tenant_id = c.tenant_id"
                + " and e.customer_id = c.customer_id and e.type in ("
                + marks(types.size())
                + ") and e.occurred_at > c.resolved_at and e.occurred_at <= c.verify_until)"
                + " from customer_case c where c.tenant_id = ? and c.state = 'REOPENED'"
                + " and c.reopened_at = ?")) {
      int p = 1;
      steps.setObject(p++, at);
      steps.setString(p++, actor);
      for (String type : types) {
        steps.setString(p++, type);
      }
      steps.setLong(p++, tenant);
      steps.setObject(p, at);
      steps.executeUpdate();
    }
    List<Reopened> reopened = new ArrayList<>();
    try (PreparedStatement read =
        c.prepareStatement(
            "select id, playbook_id, customer_id, root_cause, repeat_contacts from customer_case"
                + " where tenant_id = ? and state = 'REOPENED' and reopened_at = ? order by id")) {
      read.setLong(1, tenant);
      read.setObject(2, at);
      try (ResultSet rows = read.executeQuery()) {
        while (rows.next()) {
          reopened.add(
              new Reopened(
                  rows.getLong(1),
                  rows.getLong(2),
                  rows.getLong(3),
                  rows.getString(4),
                  rows.getInt(5)));
        }
      }
    }
    return reopened;
  }

  /**
   * Contacts of held-out customers within their window (from detection): each contact event is
   * counted once, with a step, and the case keeps its state. Answers how many contacts were new.
   */
  static int countHeldOutContacts(
      Connection c, long tenant, List<String> types, Instant since, Instant now, String actor)
      throws SQLException {
    String contacts =
        " from customer_case c join customer_event e on e.tenant_id = c.tenant_id"
            + " and e.customer_id = c.customer_id"
            + " where c.tenant_id = ? and c.state = 'HELD_OUT' and e.type in ("
            + marks(types.size())
            + ") and e.received_at > ? and e.occurred_at > c.detected_at"
            + " and e.occurred_at <= c.verify_until";
    // The step is written before the contact it is about, so "not yet counted" still holds.
    try (PreparedStatement steps =
        c.prepareStatement(
            "insert into case_step (tenant_id, case_id, at, state, actor, note)"
                + " select c.tenant_id, c.id, ?, 'HELD_OUT', ?, '"
                + SYSTEM_NOTE
                + "' || e.type"
                + contacts
                + " and not exists (select 1 from case_contact k where k.case_id = c.id"
                + " and k.event_id = e.id)")) {
      int p = 1;
      steps.setObject(p++, at(now));
      steps.setString(p++, actor);
      bindContacts(steps, p, tenant, types, since);
      steps.executeUpdate();
    }
    int counted;
    try (PreparedStatement insert =
        c.prepareStatement(
            "insert into case_contact (tenant_id, case_id, event_id, type, occurred_at)"
                + " select c.tenant_id, c.id, e.id, e.type, e.occurred_at"
                + contacts
                + " on conflict do nothing")) {
      bindContacts(insert, 1, tenant, types, since);
      counted = insert.executeUpdate();
    }
    if (counted > 0) {
      String count = "(select count(*) from case_contact k where k.case_id = c.id)";
      try (PreparedStatement update =
          c.prepareStatement(
              "update customer_case c set repeat_contacts = "
                  + count
                  + ", updated_at = ?, version = version + 1"
                  + " where c.tenant_id = ? and c.state = 'HELD_OUT' and c.repeat_contacts <> "
                  + count)) {
        update.setObject(1, at(now));
        update.setLong(2, tenant);
        update.executeUpdate();
      }
    }
    return counted;
  }

  /**
   * RESOLVED cases whose verify window ended by {@code now} without a repeat contact: VERIFIED,
   * with a step each. Answers how many.
   */
  static int verify(Connection c, long tenant, Instant now, String actor) throws SQLException {
    OffsetDateTime at = at(now);
    int verified;
    try (PreparedStatement update =
        c.prepareStatement(
            "update customer_case set state = 'VERIFIED', verified_at = ?, updated_at = ?,"
                + " version = version + 1"
                + " where tenant_id = ? and state = 'RESOLVED' and verify_until <= ?")) {
      update.setObject(1, at);
      update.setObject(2, at);
      update.setLong(3, tenant);
      update.setObject(4, at);
      verified = update.executeUpdate();
    }
    if (verified > 0) {
      try (PreparedStatement steps =
          c.prepareStatement(
              "insert into case_step (tenant_id, case_id, at, state, actor, note)"
                  + " select tenant_id, id, ?, 'VERIFIED', ?,"
                  + " 'No contact within the verify window' from customer_case"
                  + " where tenant_id = ? and state = 'VERIFIED' and verified_at = ?")) {
        steps.setObject(1, at);
        steps.setString(2, actor);
        steps.setLong(3, tenant);
        steps.setObject(4, at);
        steps.executeUpdate();
      }
    }
    return verified;
  }

  private static void bindContacts(
      PreparedStatement s, int from, long tenant, List<String> types, Instant since)
      throws SQLException {
    int p = from;
    s.setLong(p++, tenant);
    for (String type : types) {
      s.setString(p++, type);
    }
    s.setObject(p, at(since));
  }

  /**
   * A moment as the database keeps it: microseconds, so a value written and compared again is equal
   * on every database.
   */
  private static OffsetDateTime at(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  private static String marks(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }
}
