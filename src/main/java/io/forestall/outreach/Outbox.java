package io.forestall.outreach;

import io.forestall.kernel.TenantContext;
import io.forestall.platform.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/**
 * Queues messages in the transaction that opens their cases, so a case and its messages commit
 * together or not at all. Held-out cases get none; the unique key per case and channel makes a
 * second queueing of the same case change nothing.
 */
@ApplicationScoped
public class Outbox {

  private static final String QUEUE =
      "insert into outreach_message (tenant_id, case_id, customer_id, channel, template_id,"
          + " template_version, idempotency_key, state, next_attempt_at, created_at, updated_at)"
          + " select c.tenant_id, c.id, c.customer_id, ?, ?, ?, concat('fs-', c.id, '-', cast(? as varchar(16))),"
          + " 'QUEUED', ?, ?, ? from customer_case c"
          + " where c.tenant_id = ? and c.scan_run_id = ? and c.state = 'DETECTED'"
          + " on conflict do nothing";

  @Inject Database database;
  @Inject TemplateService templates;

  /**
   * Queues, set-based, a message per channel for each case the scan run opened, written with the
   * template's published version; answers how many were queued.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int queueForRun(long runId, Map<Channel, Long> messages, Instant now) {
    if (messages.isEmpty()) {
      return 0;
    }
    long tenantId = TenantContext.require().id();
    var at = now.atOffset(ZoneOffset.UTC);
    int queued = 0;
    try (Connection connection = database.managed().getConnection();
        PreparedStatement insert = connection.prepareStatement(QUEUE)) {
      for (Map.Entry<Channel, Long> m : messages.entrySet()) {
        Integer version = templates.get(m.getValue()).getPublishedVersion();
        if (version == null) {
          continue;
        }
        insert.setString(1, m.getKey().name());
        insert.setLong(2, m.getValue());
        insert.setInt(3, version);
        insert.setString(4, m.getKey().name().toLowerCase(Locale.ROOT));
        insert.setObject(5, at);
        insert.setObject(6, at);
        insert.setObject(7, at);
        insert.setLong(8, tenantId);
        insert.setLong(9, runId);
        queued += insert.executeUpdate();
      }
      return queued;
    } catch (SQLException e) {
      throw new PersistenceException("Cannot queue messages", e);
    }
  }
}
