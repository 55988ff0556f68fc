package io.forestall.playbooks;

import io.forestall.cases.CaseRecorder;
import io.forestall.cases.CaseState;
import io.forestall.cases.NewCase;
import io.forestall.kernel.ConflictException;
import io.forestall.kernel.NotFoundException;
import io.forestall.kernel.TenantContext;
import io.forestall.kernel.TenantDirectory;
import io.forestall.platform.persistence.Database;
import io.forestall.triggers.ComplaintScore;
import io.forestall.triggers.ComplaintScoring;
import io.forestall.triggers.ComplaintSettings;
import io.forestall.triggers.ComplaintWeights;
import io.forestall.triggers.Match;
import io.forestall.triggers.ScanScope;
import io.forestall.triggers.SqlDialect;
import io.forestall.triggers.Trigger;
import io.forestall.triggers.TriggerScan;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs one playbook's compiled trigger and records what it found. Each step has its own transaction
 * boundary so a failed scan still leaves its run in the log.
 */
@ApplicationScoped
class ScanExecution {

  private static final Logger LOG = Logger.getLogger(ScanExecution.class.getName());

  /** Events received this long before the previous scan started are looked at again. */
  static final Duration IN_FLIGHT = Duration.ofMinutes(1);

  @PersistenceContext EntityManager em;
  @Inject Database database;
  @Inject CaseRecorder cases;
  @Inject Event<CasesOpened> opened;
  @Inject ComplaintSettings complaints;
  @Inject TenantDirectory tenants;
  @Inject Clock clock;
  @Inject MeterRegistry meters;

  @Inject
  @ConfigProperty(name = "forestall.node.name", defaultValue = "node")
  String node;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  long start(long playbookId, ScanMode mode) {
    Playbook playbook = em.find(Playbook.class, playbookId);
    if (playbook == null) {
      throw new NotFoundException("Playbook", playbookId);
    }
    if (playbook.getPublishedVersion() == null) {
      throw new ConflictException("Playbook " + playbookId + " has no published version to scan");
    }
    ScanRun run =
        new ScanRun(playbookId, playbook.getPublishedVersion(), mode, node, clock.instant());
    em.persist(run);
    em.flush();
    return run.getId();
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  void fail(long runId, RuntimeException failure) {
    ScanRun run = em.find(ScanRun.class, runId);
    String message =
        failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    run.fail(Duration.between(run.getStartedAt(), clock.instant()).toMillis(), message);
  }

  /**
   * Closes the playbook's unfinished scheduled runs as interrupted. Called before a recovered scan,
   * when none can still be running: a playbook's scheduled scans never overlap.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  void interrupted(long playbookId) {
    Instant now = clock.instant();
    for (ScanRun run :
        em.createQuery(
                "select r from ScanRun r where r.playbookId = :id and r.mode = :mode"
                    + " and r.durationMs is null",
                ScanRun.class)
            .setParameter("id", playbookId)
            .setParameter("mode", ScanMode.SCHEDULED)
            .getResultList()) {
      run.fail(
          Duration.between(run.getStartedAt(), now).toMillis(),
          "Interrupted: node "
              + run.getNode()
              + " stopped during the scan; node "
              + node
              + " ran it again");
    }
  }

  @Transactional
  ScanRun run(long runId) {
    ScanRun run = em.find(ScanRun.class, runId);
    Playbook playbook = em.find(Playbook.class, run.getPlaybookId());
    PlaybookDefinition definition =
        em
            .createQuery(
                "select v.definition from PlaybookVersion v where v.playbookId = :id"
                    + " and v.number = :number",
                String.class)
            .setParameter("id", playbook.getId())
            .setParameter("number", run.getPlaybookVersion())
            .getResultList()
            .stream()
            .findFirst()
            .map(DefinitionJson::parse)
            .orElseThrow();
    Trigger trigger = definition.trigger();
    long tenantId = TenantContext.require().id();
    Instant asOf = run.getStartedAt();
    Instant newSince =
        trigger.incremental() && playbook.getWatermark() != null
            ? playbook.getWatermark().minus(IN_FLIGHT)
            : null;
    Instant cooldownSince =
        definition.cooldown().isZero() ? null : asOf.minus(definition.cooldown());
    ScanScope scope = new ScanScope(tenantId, asOf, newSince, playbook.getId(), cooldownSince);
    ComplaintWeights weights = complaints.get();
    List<Match> matches = matches(trigger, scope, weights);
    List<NewCase> detected = new ArrayList<>();
    List<CasesOpened.Complaint> complaintCases = new ArrayList<>();
    for (Match m : matches) {
      NewCase c = newCase(playbook.getId(), definition, m, asOf);
      detected.add(c);
      if (m.complaint() != null) {
        complaintCases.add(
            new CasesOpened.Complaint(m.customerId(), c.windowKey(), m.complaint().complex()));
      }
    }
    int created = cases.record(playbook.getId(), run.getPlaybookVersion(), runId, asOf, detected);
    if (created > 0) {
      cases.announce(runId, playbook.getId(), playbook.getName(), asOf);
      opened.fire(
          new CasesOpened(
              runId,
              playbook.getId(),
              run.getPlaybookVersion(),
              definition,
              weights,
              complaintCases,
              asOf));
    }
    int examined = examined(tenantId, trigger, newSince);
    Duration took = Duration.between(asOf, clock.instant());
    run.finish(newSince != null, took.toMillis(), examined, matches.size(), created);
    meters.timer("forestall.scan.duration", "mode", run.getMode().name()).record(took);
    meters.counter("forestall.cases.detected").increment(created);
    LOG.fine(
        () ->
            run.getMode()
                + " scan of playbook "
                + playbook.getId()
                + ": "
                + matches.size()
                + " matched, "
                + created
                + " new case(s) in "
                + took.toMillis()
                + " ms");
    em.createQuery(
            "update Playbook p set p.watermark = :asOf where p.id = :id"
                + " and (p.watermark is null or p.watermark < :asOf)")
        .setParameter("asOf", asOf)
        .setParameter("id", playbook.getId())
        .executeUpdate();
    return run;
  }

  /** Who matches {@code trigger} in {@code scope}, with evidence; reads only. */
  List<Match> matches(Trigger trigger, ScanScope scope, ComplaintWeights weights) {
    try (Connection connection = database.managed().getConnection()) {
      return TriggerScan.run(
          connection, dialect(), trigger, scope, new ComplaintScoring(weights, zone()));
    } catch (SQLException e) {
      throw new PersistenceException("Cannot run the scan", e);
    }
  }

  private NewCase newCase(long playbookId, PlaybookDefinition d, Match m, Instant asOf) {
    boolean holdout = Holdout.held(playbookId, m.customerId(), d.holdoutPercent());
    CaseState state =
        holdout && d.level().reachesCustomer() ? CaseState.HELD_OUT : CaseState.DETECTED;
    ComplaintScore score = m.complaint();
    return new NewCase(
        m.customerId(),
        m.windowKey(asOf, d.cooldown()),
        d.level().name(),
        state,
        d.priority(),
        holdout,
        m.summary(),
        EvidenceJson.of(m, asOf).toString(),
        score == null ? null : score.score(),
        d.level() == Level.AVOID ? d.rootCause() : null,
        d.level() == Level.REACT ? d.contactEventType() : null,
        d.verifyWindow());
  }

  private int examined(long tenantId, Trigger trigger, Instant newSince) {
    StringBuilder sql = new StringBuilder();
    List<Object> params = new ArrayList<>();
    params.add(tenantId);
    if (newSince == null) {
      sql.append("select count(*) from customer where tenant_id = ?");
    } else {
      sql.append(
          "select count(distinct customer_id) from customer_event where tenant_id = ?"
              + " and received_at > ? and type in (");
      params.add(newSince.atOffset(ZoneOffset.UTC));
      for (String type : trigger.eventTypes()) {
        sql.append(params.size() == 2 ? "?" : ", ?");
        params.add(type);
      }
      sql.append(")");
    }
    try (Connection connection = database.managed().getConnection();
        PreparedStatement query = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < params.size(); i++) {
        query.setObject(i + 1, params.get(i));
      }
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    } catch (SQLException e) {
      throw new PersistenceException("Cannot count examined customers", e);
    }
  }

  private SqlDialect dialect() {
    return database.vendor() == Database.Vendor.POSTGRESQL ? SqlDialect.POSTGRESQL : SqlDialect.H2;
  }

  private ZoneId zone() {
    return tenants.zone(TenantContext.require());
  }
}
