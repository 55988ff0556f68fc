package io.forestall.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.audit.AuditEntry;
import io.forestall.audit.AuditLog;
import io.forestall.kernel.IntegrationEvent;
import io.forestall.kernel.Role;
import io.forestall.platform.persistence.Database;
import io.forestall.testsupport.As;
import io.forestall.testsupport.Deployments;
import io.forestall.testsupport.Wait;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the server: a delivery whose last scheduled attempt fails, with nothing delivered to the URL
 * since its first failure, disables the subscription with a reason and an audit entry; re-enabled,
 * a replay is one more attempt that does not disable it again.
 */
@ExtendWith(ArquillianExtension.class)
class WebhookDispatchIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.forestall(WebhookDispatchIT.class);
  }

  @Inject WebhookService webhooks;
  @Inject AuditLog audit;
  @Inject Event<IntegrationEvent> events;
  @Inject Database database;
  @Inject UserTransaction tx;

  private static <T> T admin(Supplier<T> work) {
    return As.user("globex", Role.TENANT_ADMIN, work);
  }

  @Test
  void aDeliveryThatFailsForDaysDisablesItsSubscription() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    long id =
        admin(
                () ->
                    webhooks.create(
                        new SubscriptionDraft(
                            "http://localhost:" + closed + "/gone",
                            "nobody listens",
                            Set.of(IntegrationEvent.REMEDY_REQUESTED),
                            null)))
            .subscription()
            .getId();
    long tenant = As.tenant("globex").id();

    // Queued and moved to its last scheduled attempt in one transaction, so the dispatcher never
    // sees it earlier.
    tx.begin();
    events.fire(
        new IntegrationEvent(
            tenant,
            IntegrationEvent.REMEDY_REQUESTED,
            "case_0",
            Map.of("remedy", "rebook"),
            Instant.now()));
    try (Connection c = database.managed().getConnection();
        PreparedStatement last =
            c.prepareStatement(
                "update webhook_outbox set attempts = ?, first_failed_at = ?"
                    + " where subscription_id = ?")) {
      last.setInt(1, RetrySchedule.ATTEMPTS - 1);
      last.setObject(2, Instant.now().minus(3, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC));
      last.setLong(3, id);
      assertEquals(1, last.executeUpdate());
    }
    tx.commit();

    Wait.until(
        "subscription " + id + " is disabled",
        Duration.ofSeconds(30),
        () -> !admin(() -> webhooks.get(id)).isEnabled());
    WebhookSubscription disabled = admin(() -> webhooks.get(id));
    assertTrue(
        disabled.getDisabledReason().startsWith("Disabled automatically"),
        disabled.getDisabledReason());
    WebhookDelivery dead = admin(() -> webhooks.deliveries(id, 0, 10).items().get(0));
    assertEquals(DeliveryState.FAILED, dead.getState());
    assertEquals(RetrySchedule.ATTEMPTS, dead.getAttempts());
    List<DeliveryAttempt> log =
        admin(() -> webhooks.attempts(List.of(dead.getId())).get(dead.getId()));
    assertEquals(1, log.size());
    assertTrue(log.get(0).getError().contains("Connection refused"), log.get(0).getError());
    List<AuditEntry> entries = admin(() -> audit.list("webhook", 0, 50));
    assertTrue(
        entries.stream()
            .anyMatch(
                a ->
                    a.getSubjectId().equals(Long.toString(id))
                        && a.getAction().equals("disabled after persistent failure")),
        () ->
            admin(() -> audit.list(null, 0, 10)).stream()
                .map(a -> a.getSubjectType() + " " + a.getSubjectId() + " " + a.getAction())
                .toList()
                .toString());

    admin(() -> webhooks.enable(id));
    admin(() -> webhooks.replay(dead.getId()));
    Wait.until(
        "the replay of delivery " + dead.getId() + " is one more failed attempt",
        Duration.ofSeconds(20),
        () -> {
          WebhookDelivery now = admin(() -> webhooks.delivery(dead.getId()));
          return Map.entry(now.getState(), now.getAttempts());
        },
        seen -> seen.getKey() == DeliveryState.FAILED && seen.getValue() > RetrySchedule.ATTEMPTS);
    List<DeliveryAttempt> after =
        admin(() -> webhooks.attempts(List.of(dead.getId())).get(dead.getId()));
    assertEquals(2, after.size());
    assertTrue(after.get(1).isReplay());
    assertTrue(admin(() -> webhooks.get(id)).isEnabled(), "a failed replay does not disable");
    assertFalse(admin(() -> webhooks.delivery(dead.getId())).isReplay());
  }
}
