package io.forestall.webhooks;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.kernel.IntegrationEvent;
import io.forestall.platform.crypto.SecretBox;
import io.forestall.platform.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;

/**
 * The outbox's intake: observes every integration event inside the transaction that fired it and
 * queues, in one statement, a delivery for each of the tenant's enabled subscriptions to its type.
 * The event and its deliveries commit together or not at all.
 */
@ApplicationScoped
class DeliveryQueue {

  /** The webhook-id is the event's random token and the subscription id: unique per delivery. */
  private static final String QUEUE =
      "insert into webhook_outbox (tenant_id, subscription_id, webhook_id, event_type, subject,"
          + " payload, state, attempts, next_attempt_at, replay, created_at, updated_at)"
          + " select s.tenant_id, s.id, concat('msg_', cast(? as varchar(40)),"
          + " cast(s.id as varchar(20))), ?, ?, ?, 'PENDING', 0, ?, false, ?, ?"
          + " from webhook_subscription s join webhook_subscription_type t"
          + " on t.subscription_id = s.id"
          + " where s.tenant_id = ? and s.enabled = true and t.event_type = ?";

  @Inject Database database;
  @Inject Clock clock;

  @Transactional
  void queue(@Observes IntegrationEvent event) {
    var now = clock.instant().atOffset(ZoneOffset.UTC);
    try (Connection connection = database.managed().getConnection();
        PreparedStatement insert = connection.prepareStatement(QUEUE)) {
      insert.setString(1, SecretBox.randomToken(16));
      insert.setString(2, event.type());
      insert.setString(3, event.subject());
      insert.setString(4, payload(event));
      insert.setObject(5, now);
      insert.setObject(6, now);
      insert.setObject(7, now);
      insert.setLong(8, event.tenantId());
      insert.setString(9, event.type());
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new PersistenceException("Cannot queue webhook deliveries", e);
    }
  }

  /** The Standard Webhooks envelope: {@code {"type", "timestamp", "data"}}. */
  static String payload(IntegrationEvent event) {
    return JSON.createObjectBuilder()
        .add("type", event.type())
        .add("timestamp", event.occurredAt().toString())
        .add("data", object(event.data()))
        .build()
        .toString();
  }

  private static JsonObjectBuilder object(Map<?, ?> map) {
    JsonObjectBuilder object = JSON.createObjectBuilder();
    map.forEach((k, v) -> object.add(String.valueOf(k), value(v)));
    return object;
  }

  private static JsonValue value(Object v) {
    if (v == null) {
      return JsonValue.NULL;
    }
    if (v instanceof Boolean b) {
      return b ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return JSON.createValue(((Number) v).longValue());
    }
    if (v instanceof BigInteger i) {
      return JSON.createValue(i);
    }
    if (v instanceof BigDecimal d) {
      return JSON.createValue(d);
    }
    if (v instanceof Number n) {
      return JSON.createValue(n.doubleValue());
    }
    if (v instanceof Map<?, ?> m) {
      return object(m).build();
    }
    if (v instanceof Collection<?> c) {
      JsonArrayBuilder array = JSON.createArrayBuilder();
      c.forEach(e -> array.add(value(e)));
      return array.build();
    }
    return JSON.createValue(v.toString());
  }
}
