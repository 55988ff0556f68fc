package io.forestall.cases;

import io.forestall.kernel.IntegrationEvent;
import io.forestall.kernel.TenantContext;
import io.forestall.platform.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records a scan's detections in batches. The unique key per playbook, customer and window turns a
 * detection that a re-run, a concurrent scan or another node already recorded into nothing, and
 * only the cases actually created carry the run's id.
 */
@ApplicationScoped
public class CaseRecorder {

  private static final String INSERT =
      "insert into customer_case (tenant_id, playbook_id, playbook_version, scan_run_id,"
          + " customer_id, window_key, level, state, priority, holdout, summary, evidence,"
          + " complexity, root_cause, react_on, detected_at, updated_at, verify_window_seconds,"
          + " verify_until)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing";
  @Inject Database database;
  @Inject Event<IntegrationEvent> integrations;

  /**
   * Records the new cases of one scan run for the current tenant and answers how many were created.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int record(long playbookId, int version, long runId, Instant now, List<NewCase> cases) {
    if (cases.isEmpty()) {
      return 0;
    }
    long tenantId = TenantContext.require().id();
    OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
    try (Connection connection = database.managed().getConnection()) {
      int created = 0;
      try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
        for (NewCase c : cases) {
          int p = 1;
          insert.setLong(p++, tenantId);
          insert.setLong(p++, playbookId);
          insert.setInt(p++, version);
          insert.setLong(p++, runId);
          insert.setLong(p++, c.customerId());
          insert.setString(p++, c.windowKey());
          insert.setString(p++, c.level());
          insert.setString(p++, c.state().name());
          insert.setInt(p++, c.priority());
          insert.setBoolean(p++, c.holdout());
          insert.setString(p++, truncate(c.summary(), 2000));
          insert.setString(p++, c.evidence());
          if (c.complexity() == null) {
            insert.setNull(p++, Types.INTEGER);
          } else {
            insert.setInt(p++, c.complexity());
          }
          insert.setString(p++, c.rootCause());
          insert.setString(p++, c.reactOn());
          insert.setObject(p++, at);
          insert.setObject(p++, at);
          insert.setLong(p++, c.verifyWindow().toSeconds());
          // A held-out customer's contacts count as repeats from detection on, for the comparison.
          if (c.state() == CaseState.HELD_OUT) {
            insert.setObject(p, at.plus(c.verifyWindow()));
          } else {
            insert.setNull(p, Types.TIMESTAMP_WITH_TIMEZONE);
          }
          insert.addBatch();
        }
        for (int count : insert.executeBatch()) {
          created += Math.max(count, 0);
        }
      }
      return created;
    } catch (SQLException e) {
      throw new PersistenceException("Cannot record cases", e);
    }
  }

  /**
   * Tells the tenant's integrations of each case the run opened ({@code case.detected}), in the
   * run's transaction; the run's new cases are read in one query.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void announce(long runId, long playbookId, String playbookName, Instant now) {
    long tenantId = TenantContext.require().id();
    List<IntegrationEvent> detected = new ArrayList<>();
    try (Connection connection = database.managed().getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "select c.id, c.level, c.state, c.summary, u.external_id from customer_case c"
                    + " join customer u on u.id = c.customer_id where c.tenant_id = ?"
                    + " and c.scan_run_id = ? and c.state in ('DETECTED', 'HELD_OUT')"
                    + " order by c.id")) {
      query.setLong(1, tenantId);
      query.setLong(2, runId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          Map<String, Object> data = new HashMap<>();
          data.put("caseId", rows.getLong(1));
          data.put("playbookId", playbookId);
          data.put("playbookName", playbookName);
          data.put("level", rows.getString(2));
          data.put("state", rows.getString(3));
          data.put("summary", rows.getString(4));
          data.put("customer", rows.getString(5));
          detected.add(
              new IntegrationEvent(
                  tenantId, IntegrationEvent.CASE_DETECTED, "case_" + rows.getLong(1), data, now));
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("Cannot read the run's new cases", e);
    }
    detected.forEach(integrations::fire);
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
