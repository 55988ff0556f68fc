package io.forestall.webhooks;

import io.forestall.audit.AuditLog;
import io.forestall.kernel.IntegrationEventDelivered;
import io.forestall.platform.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbox rows' state changes, each in its own short transaction. A claim leases due deliveries
 * to this dispatcher; other dispatchers skip locked rows on PostgreSQL, and a lease that runs out
 * (its dispatcher died) makes the delivery due again.
 */
@ApplicationScoped
class DeliveryClaims {

  /** How long a claimed delivery is this dispatcher's; well above the HTTP timeouts. */
  static final Duration LEASE = Duration.ofMinutes(2);

  /** A claimed delivery: where to send what, with which secrets, as which attempt. */
  record Claimed(
      long id,
      long tenantId,
      String tenantSlug,
      long subscriptionId,
      String url,
      String sealedSecret,
      String sealedPreviousSecret,
      String webhookId,
      String payload,
      int attempt,
      boolean replay) {}

  @Inject Database database;
  @Inject AuditLog audit;
  @Inject Event<IntegrationEventDelivered> delivered;
  @PersistenceContext EntityManager em;

  /**
   * Due deliveries of enabled subscriptions, oldest due first, leased to the caller: at most {@code
   * limit}, and per tenant no more than {@code perTenant} less what it has {@code busy} already, so
   * a tenant with a long queue leaves room for the others.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  List<Claimed> claim(int limit, int perTenant, Map<Long, Integer> busy, Instant now) {
    OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
    List<Claimed> claimed = new ArrayList<>();
    try (Connection c = database.managed().getConnection()) {
      List<Long> chosen = fairShare(c, limit, perTenant, busy, at);
      if (chosen.isEmpty()) {
        return claimed;
      }
      String lock =
          database.vendor() == Database.Vendor.POSTGRESQL
              ? " for update of d skip locked"
              : " for update";
      // The chosen rows again, locked, and only while still due: another node may have taken one.
      String due =
          "select d.id, d.tenant_id, t.slug, d.subscription_id, s.url, s.secret_enc,"
              + " case when s.previous_until > ? then s.previous_secret_enc end,"
              + " d.webhook_id, d.payload, d.attempts, d.replay"
              + " from webhook_outbox d join tenant t on t.id = d.tenant_id"
              + " join webhook_subscription s on s.id = d.subscription_id"
              + " where d.id in ("
              + String.join(",", Collections.nCopies(chosen.size(), "?"))
              + ") and s.enabled = true and ((d.state = 'PENDING' and d.next_attempt_at <= ?)"
              + " or (d.state = 'SENDING' and d.lease_until < ?))"
              + lock;
      try (PreparedStatement q = c.prepareStatement(due)) {
        int i = 1;
        q.setObject(i++, at);
        for (long id : chosen) {
          q.setLong(i++, id);
        }
        q.setObject(i++, at);
        q.setObject(i, at);
        try (ResultSet r = q.executeQuery()) {
          while (r.next()) {
            claimed.add(
                new Claimed(
                    r.getLong(1),
                    r.getLong(2),
                    r.getString(3),
                    r.getLong(4),
                    r.getString(5),
                    r.getString(6),
                    r.getString(7),
                    r.getString(8),
                    r.getString(9),
                    r.getInt(10) + 1,
                    r.getBoolean(11)));
          }
        }
      }
      try (PreparedStatement lease =
          c.prepareStatement(
              // The version moves too, so a replay read before this claim cannot overwrite it.
              "update webhook_outbox set state = 'SENDING', attempts = attempts + 1,"
                  + " lease_until = ?, updated_at = ?, version = version + 1 where id = ?")) {
        for (Claimed d : claimed) {
          lease.setObject(1, now.plus(LEASE).atOffset(ZoneOffset.UTC));
          lease.setObject(2, at);
          lease.setLong(3, d.id());
          lease.addBatch();
        }
        lease.executeBatch();
      }
      return claimed;
    } catch (SQLException e) {
      throw new PersistenceException("Cannot claim webhook deliveries", e);
    }
  }

  /**
   * The ids to claim: each tenant's oldest due deliveries, at most its room, oldest first over all
   * tenants. One set-based read with a window per tenant, without locks; the claim locks them.
   */
  private static List<Long> fairShare(
      Connection c, int limit, int perTenant, Map<Long, Integer> busy, OffsetDateTime at)
      throws SQLException {
    String sql =
        "select id, tenant_id from (select d.id, d.tenant_id, d.next_attempt_at,"
            + " row_number() over (partition by d.tenant_id order by d.next_attempt_at, d.id) n"
            + " from webhook_outbox d join webhook_subscription s on s.id = d.subscription_id"
            + " where s.enabled = true and ((d.state = 'PENDING' and d.next_attempt_at <= ?)"
            + " or (d.state = 'SENDING' and d.lease_until < ?))) due"
            + " where n <= ? order by next_attempt_at, id";
    List<Long> chosen = new ArrayList<>();
    Map<Long, Integer> taken = new HashMap<>(busy);
    try (PreparedStatement q = c.prepareStatement(sql)) {
      q.setObject(1, at);
      q.setObject(2, at);
      q.setInt(3, perTenant);
      try (ResultSet r = q.executeQuery()) {
        while (r.next() && chosen.size() < limit) {
          long tenant = r.getLong(2);
          if (taken.getOrDefault(tenant, 0) < perTenant) {
            taken.merge(tenant, 1, Integer::sum);
            chosen.add(r.getLong(1));
          }
        }
      }
    }
    return chosen;
  }

  /**
   * Logs the attempt and moves the delivery on: delivered (told to the other features), due again
   * on the schedule, or failed. A delivery that failed for the whole schedule, with no success of
   * its subscription since it first failed, disables the subscription. Runs in the tenant's
   * context; a delivery deleted meanwhile is left alone.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  void record(Claimed c, WebhookTransport.Outcome outcome, Instant now) {
    WebhookDelivery d =
        em
            .createQuery("select d from WebhookDelivery d where d.id = :id", WebhookDelivery.class)
            .setParameter("id", c.id())
            .getResultList()
            .stream()
            .findFirst()
            .orElse(null);
    if (d == null) {
      return;
    }
    em.persist(new DeliveryAttempt(d.getId(), c.attempt(), c.replay(), outcome));
    if (d.getState() != DeliveryState.SENDING || d.getAttempts() != c.attempt()) {
      // The lease ran out and another dispatcher took the delivery over: its outcome counts.
      return;
    }
    if (outcome.success()) {
      d.delivered(outcome.status(), now);
      // Not through the entity: an admin's concurrent edit must neither lose nor block it.
      em.createNativeQuery(
              "update webhook_subscription set last_success_at = ?1 where id = ?2"
                  + " and tenant_id = ?3")
          .setParameter(1, now)
          .setParameter(2, c.subscriptionId())
          .setParameter(3, c.tenantId())
          .executeUpdate();
      delivered.fire(
          new IntegrationEventDelivered(
              c.tenantId(), d.getEventType(), d.getSubject(), outcome.status()));
      return;
    }
    Instant retry =
        c.replay() ? null : RetrySchedule.after(c.attempt()).map(now::plus).orElse(null);
    d.failed(outcome.status(), outcome.error(), retry, now);
    if (retry == null && !c.replay()) {
      disableIfDead(d, now);
    }
  }

  private void disableIfDead(WebhookDelivery d, Instant now) {
    WebhookSubscription s = em.find(WebhookSubscription.class, d.getSubscriptionId());
    if (s == null || !s.isEnabled()) {
      return;
    }
    if (s.getLastSuccessAt() != null && !s.getLastSuccessAt().isBefore(d.getFirstFailedAt())) {
      return;
    }
    String before = s.describe();
    s.disable(
        "Disabled automatically: delivery "
            + d.getWebhookId()
            + " failed every attempt for "
            + RetrySchedule.span().toHours()
            + " hours (last: "
            + d.getLastError()
            + ") and nothing reached this URL since "
            + d.getFirstFailedAt()
            + ".",
        now);
    audit.record(
        WebhookService.AUDIT_SUBJECT,
        s.getId(),
        s.getUrl(),
        "disabled after persistent failure",
        before,
        s.describe());
  }
}
