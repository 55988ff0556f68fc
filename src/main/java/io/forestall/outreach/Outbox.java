package io.forestall.outreach;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.kernel.Channel;
import io.forestall.kernel.IntegrationEvent;
import io.forestall.kernel.TenantContext;
import io.forestall.platform.persistence.Database;
import io.forestall.playbooks.CasesOpened;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
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
import java.util.Locale;
import java.util.Map;

/**
 * Queues messages in the transaction that opens their cases, so a case and its messages commit
 * together or not at all. Held-out cases get none; the unique key per case and channel makes a
 * second queueing of the same case change nothing. A PRE_EMPT case's messages wait until its remedy
 * is confirmed, and the tenant's system is asked for the remedy in the same transaction.
 */
@ApplicationScoped
public class Outbox {

  private static final String QUEUE =
      "insert into outreach_message (tenant_id, case_id, customer_id, channel, template_id,"
          + " template_version, idempotency_key, state, awaiting, next_attempt_at, created_at,"
          + " updated_at) select c.tenant_id, c.id, c.customer_id, ?, ?, ?,"
          + " concat('fs-', c.id, '-', cast(? as varchar(16))), ?, ?, ?, ?, ?"
          + " from customer_case c"
          + " where c.tenant_id = ? and c.scan_run_id = ? and c.state = 'DETECTED'"
          + " on conflict do nothing";

  private static final String PLAN =
      "insert into outreach_plan (tenant_id, playbook_id, playbook_version, level, options,"
          + " remedy_action, confirm_by, follow_up_team, offer_id, created_at)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " on conflict do nothing";

  private static final String REMEDIES =
      "select c.id, cu.external_id, c.summary from customer_case c"
          + " join customer cu on cu.id = c.customer_id"
          + " where c.tenant_id = ? and c.scan_run_id = ? and c.state = 'DETECTED'";

  @Inject Database database;
  @Inject TemplateService templates;
  @Inject Event<IntegrationEvent> integrations;

  /**
   * Queues, set-based, a message per channel for each case the scan run opened, written with the
   * template's published version, and asks for the remedies of a PRE_EMPT plan, in the scan's
   * transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  void queue(@Observes CasesOpened opened) {
    queueForRun(opened.runId(), OutreachPlan.of(opened), opened.at());
  }

  private int queueForRun(long runId, OutreachPlan plan, Instant now) {
    long tenantId = TenantContext.require().id();
    OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
    try (Connection connection = database.managed().getConnection()) {
      remember(connection, tenantId, plan, at);
      int queued = 0;
      try (PreparedStatement insert = connection.prepareStatement(QUEUE)) {
        for (Map.Entry<Channel, Long> m : plan.messages().entrySet()) {
          Integer version = templates.get(m.getValue()).getPublishedVersion();
          if (version == null) {
            continue;
          }
          insert.setString(1, m.getKey().name());
          insert.setLong(2, m.getValue());
          insert.setInt(3, version);
          insert.setString(4, m.getKey().name().toLowerCase(Locale.ROOT));
          insert.setString(5, plan.preEmpts() ? "WAITING" : "QUEUED");
          insert.setString(6, plan.preEmpts() ? plan.confirmBy() : null);
          insert.setObject(7, at);
          insert.setObject(8, at);
          insert.setObject(9, at);
          insert.setLong(10, tenantId);
          insert.setLong(11, runId);
          queued += insert.executeUpdate();
        }
      }
      if (plan.preEmpts()) {
        requestRemedies(connection, tenantId, runId, plan, now);
      }
      return queued;
    } catch (SQLException e) {
      throw new PersistenceException("Cannot queue messages", e);
    }
  }

  private static void remember(
      Connection connection, long tenantId, OutreachPlan plan, OffsetDateTime at)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(PLAN)) {
      var options = JSON.createArrayBuilder();
      plan.options().forEach(options::add);
      insert.setLong(1, tenantId);
      insert.setLong(2, plan.playbookId());
      insert.setInt(3, plan.playbookVersion());
      insert.setString(4, plan.level());
      insert.setString(5, options.build().toString());
      insert.setString(6, plan.remedyAction());
      insert.setString(7, plan.confirmBy());
      insert.setString(8, plan.followUpTeam());
      if (plan.offerId() == null) {
        insert.setNull(9, Types.BIGINT);
      } else {
        insert.setLong(9, plan.offerId());
      }
      insert.setObject(10, at);
      insert.executeUpdate();
    }
  }

  /** A {@code remedy.requested} event per case the run opened and did not hold out. */
  private void requestRemedies(
      Connection connection, long tenantId, long runId, OutreachPlan plan, Instant now)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(REMEDIES)) {
      select.setLong(1, tenantId);
      select.setLong(2, runId);
      try (ResultSet r = select.executeQuery()) {
        while (r.next()) {
          integrations.fire(
              new IntegrationEvent(
                  tenantId,
                  IntegrationEvent.REMEDY_REQUESTED,
                  "case_" + r.getLong(1),
                  Map.of(
                      "caseId", r.getLong(1),
                      "customer", r.getString(2),
                      "summary", r.getString(3),
                      "action", plan.remedyAction(),
                      "confirmBy", plan.confirmBy(),
                      "playbookId", plan.playbookId()),
                  now));
        }
      }
    }
  }
}
