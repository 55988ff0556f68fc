package io.forestall.events;

import io.forestall.customers.CustomerService;
import io.forestall.platform.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
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

  /** The outcome of one delivery: what it did, or what an earlier delivery with the same id did. */
  record Outcome(IngestResult result, boolean replay) {}

  @Transactional
  public Outcome write(long tenantId, List<EventDraft> drafts, String webhookId, Instant now) {
    try (Connection connection = database.managed().getConnection()) {
      if (webhookId != null) {
        IngestResult earlier = claimDelivery(connection, tenantId, webhookId, now);
        if (earlier != null) {
          return new Outcome(earlier, true);
        }
      }
      List<EventDraft> unique = new ArrayList<>();
      Set<String> seen = new java.util.HashSet<>();
      Set<String> externalIds = new LinkedHashSet<>();
      for (EventDraft draft : drafts) {
        if (seen.add(draft.id())) {
          unique.add(draft);
          externalIds.add(draft.customer());
        }
      }
      Map<String, Long> customerIds = customers.resolveOrCreate(externalIds);
      List<EventDraft> fresh = insertReceipts(connection, tenantId, unique, now);
      insertEvents(connection, tenantId, fresh, customerIds, now);
      recordTypes(connection, tenantId, fresh, now);
      IngestResult result = new IngestResult(fresh.size(), drafts.size() - fresh.size());
      if (webhookId != null) {
        completeDelivery(connection, tenantId, webhookId, result);
      }
      return new Outcome(result, false);
    } catch (SQLException e) {
      throw new PersistenceException("Cannot store events", e);
    }
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
   * Claims a webhook id for this delivery; returns the earlier outcome if it was delivered before.
   */
  private static IngestResult claimDelivery(
      Connection connection, long tenantId, String webhookId, Instant now) throws SQLException {
    try (PreparedStatement claim =
        connection.prepareStatement(
            "insert into webhook_delivery (tenant_id, webhook_id, received_at, accepted, duplicates)"
                + " values (?, ?, ?, 0, 0) on conflict do nothing")) {
      claim.setLong(1, tenantId);
      claim.setString(2, webhookId);
      claim.setObject(3, now.atOffset(ZoneOffset.UTC));
      if (claim.executeUpdate() == 1) {
        return null;
      }
    }
    try (PreparedStatement earlier =
        connection.prepareStatement(
            "select accepted, duplicates from webhook_delivery where tenant_id = ? and webhook_id = ?")) {
      earlier.setLong(1, tenantId);
      earlier.setString(2, webhookId);
      try (ResultSet row = earlier.executeQuery()) {
        row.next();
        return new IngestResult(0, row.getInt(1) + row.getInt(2));
      }
    }
  }

  private static void completeDelivery(
      Connection connection, long tenantId, String webhookId, IngestResult result)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "update webhook_delivery set accepted = ?, duplicates = ? where tenant_id = ? and webhook_id = ?")) {
      update.setInt(1, result.accepted());
      update.setInt(2, result.duplicates());
      update.setLong(3, tenantId);
      update.setString(4, webhookId);
      update.executeUpdate();
    }
  }
}
