package io.forestall.outreach;

import io.forestall.kernel.Channel;
import io.forestall.kernel.IntegrationEvent;
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
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The outbox rows' state changes, each in its own short transaction. A claim leases due messages to
 * this dispatcher; other dispatchers skip locked rows on PostgreSQL. {@link #recover} settles what
 * a dispatcher left when it died: on its own restart at once, on other nodes when its lease ends.
 */
@ApplicationScoped
class OutboxClaims {

  /** A claimed message: enough to find its tenant and do its work. */
  record Claimed(
      long id,
      long tenantId,
      String tenantSlug,
      long caseId,
      long customerId,
      Channel channel,
      long templateId,
      int templateVersion,
      String key,
      int attempts) {}

  @Inject Database database;
  @Inject Event<IntegrationEvent> integrations;

  /**
   * How long a claimed message is this dispatcher's before another node may take it: longer than a
   * claimed batch takes to send, short enough that a dead node's messages do not wait long.
   */
  @Inject
  @ConfigProperty(name = "forestall.outbox.lease", defaultValue = "PT2M")
  Duration lease;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  List<Claimed> claim(int limit, String node, Instant now) {
    String lock =
        database.vendor() == Database.Vendor.POSTGRESQL
            ? " for update of m skip locked"
            : " for update";
    String due =
        "select m.id, m.tenant_id, t.slug, m.case_id, m.customer_id, m.channel, m.template_id,"
            + " m.template_version, m.idempotency_key, m.attempts from outreach_message m"
            + " join tenant t on t.id = m.tenant_id join customer_case c on c.id = m.case_id"
            + " where m.state = 'QUEUED' and m.next_attempt_at <= ?"
            + " order by c.priority, m.next_attempt_at, m.id fetch first "
            + limit
            + " rows only"
            + lock;
    var at = now.atOffset(ZoneOffset.UTC);
    List<Claimed> claimed = new ArrayList<>();
    try (Connection c = database.managed().getConnection()) {
      try (PreparedStatement q = c.prepareStatement(due)) {
        q.setObject(1, at);
        try (ResultSet r = q.executeQuery()) {
          while (r.next()) {
            claimed.add(
                new Claimed(
                    r.getLong(1),
                    r.getLong(2),
                    r.getString(3),
                    r.getLong(4),
                    r.getLong(5),
                    Channel.valueOf(r.getString(6)),
                    r.getLong(7),
                    r.getInt(8),
                    r.getString(9),
                    r.getInt(10) + 1));
          }
        }
      }
      try (PreparedStatement leasing =
          c.prepareStatement(
              "update outreach_message set state = 'SENDING', attempts = attempts + 1,"
                  + " lease_until = ?, lease_owner = ?, updated_at = ? where id = ?")) {
        for (Claimed m : claimed) {
          leasing.setObject(1, now.plus(lease).atOffset(ZoneOffset.UTC));
          leasing.setString(2, node);
          leasing.setObject(3, at);
          leasing.setLong(4, m.id());
          leasing.addBatch();
        }
        leasing.executeBatch();
      }
      return claimed;
    } catch (SQLException e) {
      throw new PersistenceException("Cannot claim messages", e);
    }
  }

  /** A message that went out: to whom, with what subject, the provider's id for it, and when. */
  record Sent(Claimed message, String recipient, String subject, String providerId, Instant at) {}

  /**
   * Messages went out, recorded together in one transaction: each is SENT, its case CONTACTED, and
   * the tenant's integrations hear of it.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  void sent(List<Sent> sent) {
    for (Sent s : sent) {
      Claimed m = s.message();
      update(
          "update outreach_message set state = 'SENT', recipient = ?, subject = ?, sent_at = ?,"
              + " provider_message_id = ?, reason = null, lease_until = null, updated_at = ?"
              + " where id = ?",
          s.recipient(),
          s.subject(),
          s.at(),
          s.providerId(),
          s.at(),
          m.id());
      told(m.tenantId(), m.caseId(), m.id(), m.channel(), s.recipient(), s.at());
    }
  }

  /** The case is CONTACTED and the tenant's integrations hear that its message went out. */
  private void told(
      long tenantId, long caseId, long messageId, Channel channel, String recipient, Instant at) {
    contacted(tenantId, caseId, channel, recipient, at);
    Map<String, Object> data = new HashMap<>();
    data.put("caseId", caseId);
    data.put("messageId", messageId);
    data.put("channel", channel.name());
    if (recipient != null) {
      data.put("recipient", recipient);
    }
    integrations.fire(
        new IntegrationEvent(tenantId, IntegrationEvent.OUTREACH_SENT, "case_" + caseId, data, at));
  }

  /** The case is CONTACTED, a step on its timeline, if it was still DETECTED. */
  private void contacted(long tenantId, long caseId, Channel channel, String to, Instant now) {
    if (update(
            "update customer_case set state = 'CONTACTED', updated_at = ?, version = version + 1"
                + " where id = ? and state = 'DETECTED'",
            now,
            caseId)
        == 1) {
      update(
          "insert into case_step (tenant_id, case_id, at, state, actor, note)"
              + " values (?, ?, ?, 'CONTACTED', 'Forestall', ?)",
          tenantId,
          caseId,
          now,
          "Sent by " + channel + (to == null ? "" : " to " + to));
    }
  }

  /** A sender's recorder of handed-over emails, to be closed when its slice is done. */
  Handovers handovers() {
    return new Handovers();
  }

  /**
   * Records that an email is with its SMTP server and only its final dot is left: from then on a
   * crash counts it as sent, so it is never sent twice. The window in which a crash loses it is
   * from the record's commit to the dot, so the record is one round trip on the sender's own
   * auto-committing connection, kept for the whole slice, and on PostgreSQL it does not wait for
   * the WAL flush (the row is committed and visible at once and on disk a moment later; only
   * PostgreSQL itself crashing in that moment could send one of these emails twice).
   */
  final class Handovers implements AutoCloseable {
    private final boolean postgres = database.vendor() == Database.Vendor.POSTGRESQL;
    private Connection connection;
    private PreparedStatement update;

    void handed(Claimed m, String recipient, String subject, Instant now) {
      try {
        if (connection == null) {
          connection = database.unmanaged().getConnection();
          connection.setAutoCommit(true);
          if (postgres) {
            try (Statement s = connection.createStatement()) {
              s.execute("set synchronous_commit = off");
            }
          }
          update =
              connection.prepareStatement(
                  "update outreach_message set state = 'HANDED', recipient = ?, subject = ?,"
                      + " updated_at = ? where id = ? and state = 'SENDING'");
        }
        update.setString(1, recipient);
        update.setString(2, subject);
        update.setObject(3, now.atOffset(ZoneOffset.UTC));
        update.setLong(4, m.id());
        update.executeUpdate();
      } catch (SQLException e) {
        throw new PersistenceException("Cannot record a message as handed over", e);
      }
    }

    /** Gives the connection back to the pool as it was lent. */
    @Override
    public void close() {
      if (connection == null) {
        return;
      }
      try (Connection c = connection) {
        update.close();
        if (postgres) {
          try (Statement s = c.createStatement()) {
            s.execute("reset synchronous_commit");
          }
        }
      } catch (SQLException e) {
        throw new PersistenceException("Cannot close the hand-over connection", e);
      }
    }
  }

  /**
   * After a crash: this node's messages that were being sent are due again at once, and those it
   * had handed over count as sent. A dead node's are settled the same way once their lease ends.
   * Answers how many were settled either way.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  int recover(String node, Instant now) {
    String mine = "lease_owner = ? or lease_until < ?";
    int requeued =
        update(
            "update outreach_message set state = 'QUEUED', next_attempt_at = ?, lease_until = null,"
                + " updated_at = ? where state = 'SENDING' and ("
                + mine
                + ")",
            now,
            now,
            node,
            now);
    List<Object[]> handed = new ArrayList<>();
    try (Connection c = database.managed().getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "select id, tenant_id, case_id, channel, recipient from outreach_message"
                    + " where state = 'HANDED' and ("
                    + mine
                    + ")")) {
      q.setString(1, node);
      q.setObject(2, now.atOffset(ZoneOffset.UTC));
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          handed.add(
              new Object[] {
                r.getLong(1), r.getLong(2), r.getLong(3), r.getString(4), r.getString(5)
              });
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("Cannot read handed-over messages", e);
    }
    for (Object[] h : handed) {
      update(
          "update outreach_message set state = 'SENT', sent_at = updated_at, lease_until = null,"
              + " reason = 'sent when the dispatcher stopped; its server had the whole message'"
              + " where id = ?",
          h[0]);
      told(
          (Long) h[1],
          (Long) h[2],
          (Long) h[0],
          Channel.valueOf((String) h[3]),
          (String) h[4],
          now);
    }
    return requeued + handed.size();
  }

  /**
   * An action page message is ready for the customer's link; it reaches nobody by itself, so the
   * case does not count as contacted.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  void published(Claimed m, Instant now) {
    update(
        "update outreach_message set state = 'SENT', recipient = 'action page', sent_at = ?,"
            + " reason = null, lease_until = null, updated_at = ? where id = ?",
        now,
        now,
        m.id());
  }

  /** The message will not be sent, for {@code reason}; the case shows why. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  void skipped(Claimed m, String reason, Instant now) {
    update(
        "update outreach_message set state = 'SKIPPED', reason = ?, lease_until = null,"
            + " updated_at = ? where id = ?",
        reason,
        now,
        m.id());
  }

  /** Held back by a guardrail until {@code until}; the attempt does not count. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  void delayed(Claimed m, String reason, Instant until, Instant now) {
    update(
        "update outreach_message set state = 'QUEUED', attempts = attempts - 1, reason = ?,"
            + " next_attempt_at = ?, lease_until = null, updated_at = ? where id = ?",
        reason,
        until,
        now,
        m.id());
  }

  /**
   * How many messages each of {@code customerIds} got in the {@code window} before {@code now}, and
   * the oldest of them: one query for a slice of messages. Customers with none are not in the map.
   */
  Map<Long, CapState> sentRecently(
      long tenantId, Collection<Long> customerIds, Instant now, Duration window) {
    Map<Long, CapState> caps = new HashMap<>();
    if (customerIds.isEmpty()) {
      return caps;
    }
    String in = String.join(",", Collections.nCopies(customerIds.size(), "?"));
    try (Connection c = database.managed().getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "select customer_id, count(*), min(sent_at) from outreach_message"
                    + " where tenant_id = ? and state = 'SENT' and sent_at > ? and customer_id in ("
                    + in
                    + ") group by customer_id")) {
      int p = 1;
      q.setLong(p++, tenantId);
      q.setObject(p++, now.minus(window).atOffset(ZoneOffset.UTC));
      for (long id : customerIds) {
        q.setLong(p++, id);
      }
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          caps.put(
              r.getLong(1),
              new CapState(r.getInt(2), r.getObject(3, OffsetDateTime.class).toInstant()));
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("Cannot count sent messages", e);
    }
    return caps;
  }

  /** How many messages a customer got in the cap window, and the oldest of them (or null). */
  record CapState(int sent, Instant oldest) {

    static final CapState NONE = new CapState(0, null);

    /** Counting one more message, sent at {@code at}. */
    CapState plus(Instant at) {
      return new CapState(sent + 1, oldest == null || at.isBefore(oldest) ? at : oldest);
    }
  }

  /** Sending failed; tried again at {@code retryAt}, or dead when that is null. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  void failed(Claimed m, String reason, Instant retryAt, Instant now) {
    update(
        "update outreach_message set state = ?, reason = ?, next_attempt_at = ?,"
            + " lease_until = null, updated_at = ? where id = ?",
        retryAt == null ? "DEAD" : "QUEUED",
        reason,
        retryAt == null ? now : retryAt,
        now,
        m.id());
  }

  private int update(String sql, Object... values) {
    try (Connection c = database.managed().getConnection();
        PreparedStatement u = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        Object v = values[i];
        if (v instanceof Instant instant) {
          u.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
        } else if (v == null) {
          u.setNull(i + 1, Types.VARCHAR);
        } else {
          u.setObject(i + 1, v);
        }
      }
      return u.executeUpdate();
    } catch (SQLException e) {
      throw new PersistenceException("Cannot update a message", e);
    }
  }
}
