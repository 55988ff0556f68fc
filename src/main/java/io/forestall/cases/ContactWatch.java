package io.forestall.cases;

import io.forestall.kernel.TenantContext;
import io.forestall.platform.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * REACT: a waiting case becomes a high-priority agent task when its customer makes the contact the
 * playbook waits for. Set-based: one statement opens every due task of a tenant, one marks the
 * cases as responded.
 */
@ApplicationScoped
public class ContactWatch {

  /** How soon an agent should pick up a customer who contacted us about a known problem. */
  public static final Duration TARGET = Duration.ofMinutes(15);

  @Inject Database database;

  /**
   * Opens tasks for the current tenant's waiting cases whose customer's contact arrived after
   * {@code since}, which the caller sets before the events it was told of; answers how many were
   * opened.
   */
  @Transactional
  public int openTasksForContacts(String team, Instant since, Instant now) {
    long tenantId = TenantContext.require().id();
    String due =
        " from customer_case c where c.tenant_id = ? and c.level = 'REACT' and c.state = 'DETECTED'"
            + " and exists (select 1 from customer_event e where e.tenant_id = c.tenant_id"
            + " and e.customer_id = c.customer_id and e.type = c.react_on"
            + " and e.received_at > ?)";
    try (Connection connection = database.managed().getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into agent_task (tenant_id, case_id, kind, team, priority, status,"
                    + " summary, due_at, created_at) select c.tenant_id, c.id, 'REACT', ?, 1,"
                    + " 'OPEN', c.summary, ?, ?"
                    + due
                    + " on conflict do nothing");
        PreparedStatement respond =
            connection.prepareStatement(
                "update customer_case set state = 'RESPONDED', updated_at = ?, version = version + 1"
                    + " where id in (select c.id"
                    + due
                    + ")")) {
      insert.setString(1, team);
      insert.setObject(2, now.plus(TARGET).atOffset(ZoneOffset.UTC));
      insert.setObject(3, now.atOffset(ZoneOffset.UTC));
      insert.setLong(4, tenantId);
      insert.setObject(5, since.atOffset(ZoneOffset.UTC));
      int opened = insert.executeUpdate();
      if (opened > 0) {
        respond.setObject(1, now.atOffset(ZoneOffset.UTC));
        respond.setLong(2, tenantId);
        respond.setObject(3, since.atOffset(ZoneOffset.UTC));
        respond.executeUpdate();
      }
      return opened;
    } catch (SQLException e) {
      throw new PersistenceException("Cannot open REACT tasks", e);
    }
  }
}
