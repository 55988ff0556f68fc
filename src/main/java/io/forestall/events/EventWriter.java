package io.forestall.events;

import io.forestall.customers.CustomerService;
import io.forestall.kernel.TenantContext;
import io.forestall.platform.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes one request's events in one transaction, set-based: customers resolved in one query,
 * receipts inserted in one batch whose primary key turns a re-sent or racing event id into a
 * duplicate, then the accepted events in one batch.
 */
@ApplicationScoped
class EventWriter {

  private static final String RECEIPT =
      "insert into event_receipt (tenant_id, event_id, received_at) values (?, ?, ?) on conflict do nothing";
  private static final String EVENT =
      "insert into customer_event (tenant_id, customer_id, event_id, type, occurred_at, num_value, attributes,"
          + " received_at) values (?, ?, ?, ?, ?, ?, ?, ?)";

  /** Event types already recorded per tenant, so the type table is written once per new type. */
  private final Set<String> knownTypes = ConcurrentHashMap.newKeySet();

  @Inject Database database;
  @Inject CustomerService customers;
  @Inject Event<EventsArrived> arrived;

  @Transactional
  public IngestResult write(long tenantId, List<EventDraft> drafts, String webhookId, Instant now) {
    List<EventDraft> unique = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (EventDraft draft : drafts) {
      if (seen.add(draft.id())) {
        unique.add(draft);
      }
    }
    try (Connection connection = database.managed().getConnection()) {
      int accepted = insert(connection, tenantId, unique, now).size();
      IngestResult result = new IngestResult(accepted, drafts.size() - accepted);
      if (webhookId != null) {
        recordDelivery(connection, tenantId, List.of(webhookId), List.of(result), now);
      }
      return result;
    } catch (SQLException e) {
      throw new PersistenceException("Cannot store events", e);
    }
  }

  /**
   * Writes the single events of several concurrent requests of one tenant in one transaction: one
   * result per request, in order. An id sent twice in the group counts once, for its first request.
   *
   * @param webhookIds each request's delivery id, or null for API requests
   */
  @Transactional
  public List<IngestResult> writeSingles(
      long tenantId, List<EventDraft> drafts, List<String> webhookIds, Instant now) {
    List<EventDraft> unique = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean[] first = new boolean[drafts.size()];
    for (int i = 0; i < drafts.size(); i++) {
      first[i] = seen.add(drafts.get(i).id());
      if (first[i]) {
        unique.add(drafts.get(i));
      }
    }
    try (Connection connection = database.managed().getConnection()) {
      Set<String> fresh = insert(connection, tenantId, unique, now);
      List<IngestResult> results = new ArrayList<>();
      List<String> deliveries = new ArrayList<>();
      List<IngestResult> delivered = new ArrayList<>();
      for (int i = 0; i < drafts.size(); i++) {
        boolean accepted = first[i] && fresh.contains(drafts.get(i).id());
        IngestResult result = new IngestResult(accepted ? 1 : 0, accepted ? 0 : 1);
        results.add(result);
        if (webhookIds.get(i) != null) {
          deliveries.add(webhookIds.get(i));
          delivered.add(result);
        }
      }
      recordDelivery(connection, tenantId, deliveries, delivered, now);
      return results;
    } catch (SQLException e) {
      throw new PersistenceException("Cannot store events", e);
    }
  }

  /**
   * Inserts receipts and events for drafts with distinct ids, creating unknown customers, and
   * answers the ids that were new; announces their types after the commit.
   */
  private Set<String> insert(
      Connection connection, long tenantId, List<EventDraft> unique, Instant now)
      throws SQLException {
    Set<String> externalIds = new LinkedHashSet<>();
    unique.forEach(d -> externalIds.add(d.customer()));
    Map<String, Long> customerIds = customers.resolveOrCreate(externalIds);
    List<EventDraft> fresh;
    if (database.vendor() == Database.Vendor.POSTGRESQL) {
      Set<String> ids = insertInOneStatement(connection, tenantId, unique, customerIds, now);
      fresh = unique.stream().filter(d -> ids.contains(d.id())).toList();
    } else {
      fresh = insertReceipts(connection, tenantId, unique, now);
      insertEvents(connection, tenantId, fresh, customerIds, now);
    }
    recordTypes(connection, tenantId, fresh, now);
    if (!fresh.isEmpty()) {
      Set<String> types = new LinkedHashSet<>();
      fresh.forEach(d -> types.add(d.type()));
      arrived.fire(new EventsArrived(TenantContext.require(), types));
    }
    Set<String> ids = new HashSet<>();
    fresh.forEach(d -> ids.add(d.id()));
    return ids;
  }

  private static List<EventDraft> insertReceipts(
      Connection connection, long tenantId, List<EventDraft> drafts, Instant now)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(RECEIPT)) {
      OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
      for (EventDraft draft : drafts) {
        insert.setLong(1, tenantId);
        insert.setString(2, draft.id());
        insert.setObject(3, at);
        insert.addBatch();
      }
      int[] counts = insert.executeBatch();
      List<EventDraft> fresh = new ArrayList<>();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] > 0) {
          fresh.add(drafts.get(i));
        }
      }
      return fresh;
    }
  }

  private static void insertEvents(
      Connection connection,
      long tenantId,
      List<EventDraft> drafts,
      Map<String, Long> customerIds,
      Instant now)
      throws SQLException {
    if (drafts.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement(EVENT)) {
      OffsetDateTime received = now.atOffset(ZoneOffset.UTC);
      for (EventDraft draft : drafts) {
        insert.setLong(1, tenantId);
        insert.setLong(2, customerIds.get(draft.customer()));
        insert.setString(3, draft.id());
        insert.setString(4, draft.type());
        insert.setObject(5, draft.occurredAt().withOffsetSameInstant(ZoneOffset.UTC));
        BigDecimal value = draft.value();
        if (value == null) {
          insert.setNull(6, Types.NUMERIC);
        } else {
          insert.setBigDecimal(6, value);
        }
        insert.setString(7, draft.attributes() == null ? "{}" : draft.attributes().toString());
        insert.setObject(8, received);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private void recordTypes(
      Connection connection, long tenantId, List<EventDraft> drafts, Instant now)
      throws SQLException {
    Set<String> newTypes = new LinkedHashSet<>();
    for (EventDraft draft : drafts) {
      if (!knownTypes.contains(tenantId + "/" + draft.type())) {
        newTypes.add(draft.type());
      }
    }
    if (newTypes.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into event_type (tenant_id, type, first_seen) values (?, ?, ?) on conflict do nothing")) {
      for (String type : newTypes) {
        insert.setLong(1, tenantId);
        insert.setString(2, type);
        insert.setObject(3, now.atOffset(ZoneOffset.UTC));
        insert.addBatch();
      }
      insert.executeBatch();
    }
    newTypes.forEach(type -> knownTypes.add(tenantId + "/" + type));
  }

  /**
   * PostgreSQL: receipts and events in one statement. The receipt insert returns only the ids it
   * did not know, only those rows go on into customer_event, and their ids come back.
   */
  private static Set<String> insertInOneStatement(
      Connection connection,
      long tenantId,
      List<EventDraft> drafts,
      Map<String, Long> customerIds,
      Instant now)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "with input (event_id, customer_id, type, occurred_at, num_value, attributes) as (values ");
    for (int i = 0; i < drafts.size(); i++) {
      sql.append(i == 0 ? "" : ", ")
          .append("(?, cast(? as bigint), ?, cast(? as timestamptz), cast(? as numeric), ?)");
    }
    sql.append(
        "), fresh as (insert into event_receipt (tenant_id, event_id, received_at)"
            + " select ?, event_id, ? from input on conflict do nothing returning event_id)"
            + " insert into customer_event (tenant_id, customer_id, event_id, type, occurred_at,"
            + " num_value, attributes, received_at)"
            + " select ?, i.customer_id, i.event_id, i.type, i.occurred_at, i.num_value, i.attributes, ?"
            + " from input i join fresh f on f.event_id = i.event_id returning event_id");
    OffsetDateTime received = now.atOffset(ZoneOffset.UTC);
    try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
      int p = 1;
      for (EventDraft draft : drafts) {
        insert.setString(p++, draft.id());
        insert.setLong(p++, customerIds.get(draft.customer()));
        insert.setString(p++, draft.type());
        insert.setObject(p++, draft.occurredAt().withOffsetSameInstant(ZoneOffset.UTC));
        if (draft.value() == null) {
          insert.setNull(p++, Types.NUMERIC);
        } else {
          insert.setBigDecimal(p++, draft.value());
        }
        insert.setString(p++, draft.attributes() == null ? "{}" : draft.attributes().toString());
      }
      insert.setLong(p++, tenantId);
      insert.setObject(p++, received);
      insert.setLong(p++, tenantId);
      insert.setObject(p, received);
      Set<String> ids = new HashSet<>();
      try (ResultSet rows = insert.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
      return ids;
    }
  }

  /**
   * Records each delivery's webhook-id. A redelivery finds it there and changes nothing; its events
   * are duplicates by their own ids anyway.
   */
  private static void recordDelivery(
      Connection connection,
      long tenantId,
      List<String> webhookIds,
      List<IngestResult> results,
      Instant now)
      throws SQLException {
    if (webhookIds.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into webhook_delivery (tenant_id, webhook_id, received_at, accepted, duplicates)"
                + " values (?, ?, ?, ?, ?) on conflict do nothing")) {
      for (int i = 0; i < webhookIds.size(); i++) {
        insert.setLong(1, tenantId);
        insert.setString(2, webhookIds.get(i));
        insert.setObject(3, now.atOffset(ZoneOffset.UTC));
        insert.setInt(4, results.get(i).accepted());
        insert.setInt(5, results.get(i).duplicates());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
