package io.forestall.analytics;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The aggregate SQL behind each figure, one statement per chart or table, always fenced by the
 * tenant's id (plain SQL gets no Hibernate tenant filter).
 */
final class AnalyticsQueries {

  /** Reached the customer: a message went out, or the customer answered. */
  private static final String CONTACTED =
      "(c.responded_at is not null or c.state = 'CONTACTED' or exists (select 1"
          + " from outreach_message m where m.case_id = c.id and m.state = 'SENT'))";

  private AnalyticsQueries() {}

  /** The playbook's name, if it is the tenant's. */
  static Optional<String> playbookName(Connection db, long tenant, long playbook)
      throws SQLException {
    try (PreparedStatement q =
        db.prepareStatement("select name from playbook where tenant_id = ? and id = ?")) {
      q.setLong(1, tenant);
      q.setLong(2, playbook);
      try (ResultSet r = q.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    }
  }

  static Funnel funnel(Connection db, long tenant, long playbook) throws SQLException {
    try (PreparedStatement q =
        db.prepareStatement(
            "select count(case when not c.holdout then 1 end),"
                + " count(case when not c.holdout and "
                + CONTACTED
                + " then 1 end),"
                + " count(case when not c.holdout and c.responded_at is not null then 1 end),"
                + " count(case when not c.holdout and c.resolved_at is not null then 1 end),"
                + " count(case when not c.holdout and c.state = 'VERIFIED' then 1 end),"
                + " count(case when not c.holdout and c.reopened_at is not null then 1 end),"
                + " count(case when c.holdout then 1 end)"
                + " from customer_case c where c.tenant_id = ? and c.playbook_id = ?")) {
      q.setLong(1, tenant);
      q.setLong(2, playbook);
      try (ResultSet r = q.executeQuery()) {
        r.next();
        return new Funnel(
            playbook,
            r.getLong(1),
            r.getLong(2),
            r.getLong(3),
            r.getLong(4),
            r.getLong(5),
            r.getLong(6),
            r.getLong(7));
      }
    }
  }

  /** Contacted cases against held-out ones, each with how many came back. */
  static RepeatContactRates repeatContacts(Connection db, long tenant, long playbook)
      throws SQLException {
    try (PreparedStatement q =
        db.prepareStatement(
            "select count(case when not c.holdout and "
                + CONTACTED
                + " then 1 end),"
                + " count(case when not c.holdout and c.repeat_contacts > 0 and "
                + CONTACTED
                + " then 1 end),"
                + " count(case when c.state = 'HELD_OUT' then 1 end),"
                + " count(case when c.state = 'HELD_OUT' and c.repeat_contacts > 0 then 1 end)"
                + " from customer_case c where c.tenant_id = ? and c.playbook_id = ?")) {
      q.setLong(1, tenant);
      q.setLong(2, playbook);
      try (ResultSet r = q.executeQuery()) {
        r.next();
        return new RepeatContactRates(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4));
      }
    }
  }

  /** Cases per level, keyed by level name, only the levels that have cases. */
  static Map<String, Long> levels(Connection db, long tenant) throws SQLException {
    try (PreparedStatement q =
        db.prepareStatement(
            "select level, count(*) from customer_case where tenant_id = ? group by level")) {
      q.setLong(1, tenant);
      Map<String, Long> counts = new LinkedHashMap<>();
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          counts.put(r.getString(1), r.getLong(2));
        }
      }
      return counts;
    }
  }

  static List<PlaybookSummary> playbooks(Connection db, long tenant) throws SQLException {
    try (PreparedStatement q =
        db.prepareStatement(
            "select p.id, p.name, count(c.id), count(c.resolved_at),"
                + " count(case when c.state = 'VERIFIED' then 1 end),"
                + " coalesce(sum(c.repeat_contacts), 0)"
                + " from playbook p left join customer_case c on c.playbook_id = p.id"
                + " and c.tenant_id = p.tenant_id"
                + " where p.tenant_id = ? and p.status <> 'ARCHIVED'"
                + " group by p.id, p.name order by p.name")) {
      q.setLong(1, tenant);
      List<PlaybookSummary> list = new ArrayList<>();
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          list.add(
              new PlaybookSummary(
                  r.getLong(1),
                  r.getString(2),
                  r.getLong(3),
                  r.getLong(4),
                  r.getLong(5),
                  r.getLong(6)));
        }
      }
      return list;
    }
  }

  /**
   * Root causes, the most repeat contacts (so the most failure demand) first, then the most cases;
   * {@code cost} per contact in {@code currency}.
   */
  static List<BoardLine> board(
      Connection db, long tenant, BigDecimal cost, String currency, int limit) throws SQLException {
    try (PreparedStatement q =
        db.prepareStatement(
            "select root_cause, count(*),"
                + " count(case when state not in ('RESOLVED', 'VERIFIED') then 1 end),"
                + " coalesce(sum(repeat_contacts), 0), max(detected_at)"
                + " from customer_case where tenant_id = ? and root_cause is not null"
                + " group by root_cause"
                + " order by coalesce(sum(repeat_contacts), 0) desc, count(*) desc, root_cause"
                + " limit ?")) {
      q.setLong(1, tenant);
      q.setInt(2, limit);
      List<BoardLine> lines = new ArrayList<>();
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          long repeats = r.getLong(4);
          lines.add(
              new BoardLine(
                  r.getString(1),
                  r.getLong(2),
                  r.getLong(3),
                  repeats,
                  cost.multiply(BigDecimal.valueOf(repeats)).setScale(2),
                  currency,
                  r.getObject(5, OffsetDateTime.class).toInstant()));
        }
      }
      return lines;
    }
  }
}
