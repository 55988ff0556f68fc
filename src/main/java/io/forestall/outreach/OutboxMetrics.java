package io.forestall.outreach;

import io.forestall.platform.persistence.Database;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The outbox as Prometheus sees it, across tenants: messages in each state that is still moving
 * (sent and skipped ones only grow, and counting them would read the whole table), and the lag of
 * the oldest message that is due but not yet claimed. Read in two queries on the state index at
 * most every ten seconds, whatever the number of scrapes.
 */
@ApplicationScoped
class OutboxMetrics {

  private static final Logger LOG = Logger.getLogger(OutboxMetrics.class.getName());
  private static final List<String> STATES =
      List.of("QUEUED", "WAITING", "SENDING", "HANDED", "DEAD");
  private static final Duration FRESH = Duration.ofSeconds(10);

  /** What the last read found. */
  private record Snapshot(Map<String, Long> perState, double lagSeconds, Instant readAt) {}

  @Inject Database database;
  @Inject MeterRegistry meters;
  @Inject Clock clock;

  private Snapshot snapshot = new Snapshot(Map.of(), 0, Instant.EPOCH);

  /**
   * Registers the gauges through {@link MeterRegistry#gauge}, which the server's per-deployment
   * registry hands on to its Prometheus registry (a {@code Gauge.builder} would stay local).
   */
  void register(@Observes Startup startup) {
    for (String state : STATES) {
      meters.gauge(
          "forestall.outreach.messages",
          Tags.of("state", state),
          this,
          m -> m.current().perState().getOrDefault(state, 0L));
    }
    meters.gauge("forestall.outbox.lag.seconds", Tags.empty(), this, m -> m.current().lagSeconds());
  }

  /**
   * Takes the gauges out with the deployment. The server's registry outlives it and holds each
   * gauge's object weakly: left in, a redeployed app's gauges would find the old ones registered
   * and report this dead instance's NaN.
   */
  @PreDestroy
  void unregister() {
    for (String name : List.of("forestall.outreach.messages", "forestall.outbox.lag.seconds")) {
      meters.find(name).gauges().forEach(meters::remove);
    }
  }

  private synchronized Snapshot current() {
    Instant now = clock.instant();
    if (snapshot.readAt().plus(FRESH).isAfter(now)) {
      return snapshot;
    }
    try (Connection c = database.unmanaged().getConnection();
        PreparedStatement states =
            c.prepareStatement(
                "select state, count(*) from outreach_message where state in ("
                    + STATES.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", "))
                    + ") group by state");
        PreparedStatement oldest =
            c.prepareStatement(
                "select min(next_attempt_at) from outreach_message"
                    + " where state = 'QUEUED' and next_attempt_at <= ?")) {
      Map<String, Long> perState = new HashMap<>();
      try (ResultSet r = states.executeQuery()) {
        while (r.next()) {
          perState.put(r.getString(1), r.getLong(2));
        }
      }
      oldest.setObject(1, now.atOffset(ZoneOffset.UTC));
      double lag = 0;
      try (ResultSet r = oldest.executeQuery()) {
        OffsetDateTime due = r.next() ? r.getObject(1, OffsetDateTime.class) : null;
        if (due != null) {
          lag = Duration.between(due.toInstant(), now).toMillis() / 1000.0;
        }
      }
      snapshot = new Snapshot(perState, lag, now);
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Cannot read the outbox for its metrics; keeping the last figures", e);
    }
    return snapshot;
  }
}
