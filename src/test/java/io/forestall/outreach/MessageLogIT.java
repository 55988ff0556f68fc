package io.forestall.outreach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.cases.CaseQuery;
import io.forestall.cases.CaseRow;
import io.forestall.cases.CaseService;
import io.forestall.kernel.AccessDeniedException;
import io.forestall.kernel.Channel;
import io.forestall.kernel.ConflictException;
import io.forestall.kernel.NotFoundException;
import io.forestall.kernel.Role;
import io.forestall.platform.persistence.Database;
import io.forestall.testsupport.As;
import io.forestall.testsupport.Deployments;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Dead messages are listed with their reason and sent again by the tenant's admin only. */
@ExtendWith(ArquillianExtension.class)
class MessageLogIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.forestall(MessageLogIT.class);
  }

  @Inject MessageLog messages;
  @Inject TemplateService templates;
  @Inject CaseService cases;
  @Inject Database database;

  /** A message of an acme demo case that failed for good (as after eight failed attempts). */
  private long deadMessage() throws Exception {
    CaseRow row =
        As.user(
                "acme",
                Role.TENANT_ADMIN,
                () -> cases.list(new CaseQuery(null, null, "ACME-1007", null, 0, 1)))
            .get(0);
    long template =
        As.user(
            "acme",
            Role.TENANT_ADMIN,
            () ->
                templates
                    .create(
                        "Dead letter " + UUID.randomUUID(),
                        new TemplateContent(Channel.SMS, "en", Map.of("en", Map.of("text", "x"))))
                    .getId());
    try (Connection c = database.unmanaged().getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "insert into outreach_message (tenant_id, case_id, customer_id, channel,"
                    + " template_id, template_version, idempotency_key, state, attempts,"
                    + " next_attempt_at, reason, created_at, updated_at)"
                    + " values (?, ?, ?, 'SMS', ?, 1, ?, 'DEAD', 8, ?, 'SMTP down', ?, ?)",
                new String[] {"id"})) {
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
      insert.setLong(1, As.tenant("acme").id());
      insert.setLong(2, row.getId());
      insert.setLong(3, row.getCase().getCustomerId());
      insert.setLong(4, template);
      insert.setString(5, "test-" + UUID.randomUUID());
      insert.setObject(6, now);
      insert.setObject(7, now);
      insert.setObject(8, now);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  @Test
  void deadMessagesAreListedAndSentAgainByTheirTenantsAdminOnly() throws Exception {
    long id = deadMessage();
    assertTrue(
        As.user("acme", Role.AGENT, () -> messages.inState("DEAD", 0, 200)).stream()
            .anyMatch(m -> m.getId() == id && m.getReason().equals("SMTP down")));
    assertTrue(
        As.user("globex", Role.TENANT_ADMIN, () -> messages.inState("DEAD", 0, 200)).stream()
            .noneMatch(m -> m.getId() == id));
    assertThrows(
        NotFoundException.class,
        () -> As.user("globex", Role.TENANT_ADMIN, () -> messages.retry(id)));
    assertThrows(
        AccessDeniedException.class, () -> As.user("acme", Role.AGENT, () -> messages.retry(id)));

    As.user("acme", Role.TENANT_ADMIN, () -> messages.retry(id));
    OutreachMessage again =
        As.user("acme", Role.AGENT, () -> messages.inState("DEAD", 0, 200)).stream()
            .filter(m -> m.getId() == id)
            .findFirst()
            .orElse(null);
    assertEquals(null, again, "no longer dead");
    assertThrows(
        ConflictException.class,
        () -> As.user("acme", Role.TENANT_ADMIN, () -> messages.retry(id)),
        "only a dead message is sent again");
  }
}
