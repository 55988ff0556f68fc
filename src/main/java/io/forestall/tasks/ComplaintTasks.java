package io.forestall.tasks;

import io.forestall.kernel.TenantContext;
import io.forestall.platform.persistence.Database;
import io.forestall.playbooks.CasesOpened;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Opens an agent task for each complaint case a scan opened, in the scan's transaction: a complex
 * complaint goes to the skilled team at once, a simple one to the frontline within five minutes.
 * Only the run's own cases get one, and the unique key per case and kind makes a repeat nothing.
 */
@ApplicationScoped
class ComplaintTasks {

  private static final String OPEN =
      "insert into agent_task (tenant_id, case_id, kind, team, priority, status, summary, due_at,"
          + " created_at) select tenant_id, id, ?, ?, ?, 'OPEN', summary, ?, ? from customer_case"
          + " where tenant_id = ? and scan_run_id = ? and customer_id = ? and window_key = ?"
          + " on conflict do nothing";

  @Inject Database database;

  void open(@Observes CasesOpened opened) {
    if (opened.complaints().isEmpty()) {
      return;
    }
    long tenantId = TenantContext.require().id();
    OffsetDateTime at = opened.at().atOffset(ZoneOffset.UTC);
    try (Connection connection = database.managed().getConnection();
        PreparedStatement insert = connection.prepareStatement(OPEN)) {
      for (CasesOpened.Complaint c : opened.complaints()) {
        boolean complex = c.complex();
        insert.setString(1, complex ? AgentTask.COMPLEX_COMPLAINT : AgentTask.SIMPLE_COMPLAINT);
        insert.setString(
            2, complex ? opened.weights().skilledTeam() : opened.weights().frontlineTeam());
        insert.setInt(3, complex ? 1 : 3);
        insert.setObject(4, at.plus(complex ? Duration.ofMinutes(30) : Duration.ofMinutes(5)));
        insert.setObject(5, at);
        insert.setLong(6, tenantId);
        insert.setLong(7, opened.runId());
        insert.setLong(8, c.customerId());
        insert.setString(9, c.windowKey());
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new PersistenceException("Cannot open the complaint tasks", e);
    }
  }
}
