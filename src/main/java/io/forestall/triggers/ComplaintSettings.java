package io.forestall.triggers;

import io.forestall.audit.AuditLog;
import io.forestall.audit.AuditState;
import io.forestall.kernel.Allowed;
import io.forestall.kernel.Role;
import io.forestall.kernel.TenantContext;
import io.forestall.kernel.Violation;
import io.forestall.kernel.ViolationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The current tenant's complaint scoring weights and teams; the defaults until first saved. */
@ApplicationScoped
@Transactional
@Allowed({Role.TENANT_ADMIN, Role.AGENT, Role.VIEWER})
public class ComplaintSettings {

  @PersistenceContext EntityManager em;
  @Inject AuditLog audit;
  @Inject Clock clock;

  public ComplaintWeights get() {
    List<?> rows =
        em.createNativeQuery(
                "select per_attachment, attachments_max, long_text, timing, money, device,"
                    + " skilled_team, frontline_team from complaint_weights where tenant_id = ?")
            .setParameter(1, TenantContext.require().id())
            .getResultList();
    if (rows.isEmpty()) {
      return ComplaintWeights.DEFAULTS;
    }
    Object[] r = (Object[]) rows.get(0);
    return new ComplaintWeights(
        number(r[0]),
        number(r[1]),
        number(r[2]),
        number(r[3]),
        number(r[4]),
        number(r[5]),
        (String) r[6],
        (String) r[7]);
  }

  @Allowed(Role.TENANT_ADMIN)
  public void save(ComplaintWeights weights) {
    List<Violation> violations = check(weights);
    if (!violations.isEmpty()) {
      throw new ViolationException("complaint scoring", violations);
    }
    ComplaintWeights before = get();
    long tenant = TenantContext.require().id();
    int updated =
        bind(
                em.createNativeQuery(
                    "update complaint_weights set per_attachment = ?1, attachments_max = ?2,"
                        + " long_text = ?3, timing = ?4, money = ?5, device = ?6, skilled_team = ?7,"
                        + " frontline_team = ?8, updated_at = ?9, version = version + 1"
                        + " where tenant_id = ?10"),
                weights,
                tenant)
            .executeUpdate();
    if (updated == 0) {
      bind(
              em.createNativeQuery(
                  "insert into complaint_weights (per_attachment, attachments_max, long_text,"
                      + " timing, money, device, skilled_team, frontline_team, updated_at,"
                      + " tenant_id) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"),
              weights,
              tenant)
          .executeUpdate();
    }
    audit.record(
        "complaint-weights", tenant, "Complaint scoring", "saved", state(before), state(get()));
  }

  private static String state(ComplaintWeights w) {
    return AuditState.of()
        .with("perAttachment", w.perAttachment())
        .with("attachmentsMax", w.attachmentsMax())
        .with("longText", w.longText())
        .with("timing", w.timing())
        .with("money", w.money())
        .with("device", w.device())
        .with("skilledTeam", w.skilledTeam())
        .with("frontlineTeam", w.frontlineTeam())
        .json();
  }

  /** What a tenant admin may set: points 0–100 each, and two named teams. */
  public static List<Violation> check(ComplaintWeights w) {
    List<Violation> violations = new ArrayList<>();
    int[] points = {
      w.perAttachment(), w.attachmentsMax(), w.longText(), w.timing(), w.money(), w.device()
    };
    String[] names = {"perAttachment", "attachmentsMax", "longText", "timing", "money", "device"};
    for (int i = 0; i < points.length; i++) {
      if (points[i] < 0 || points[i] > 100) {
        violations.add(new Violation("/" + names[i], "must be from 0 to 100 points"));
      }
    }
    if (w.skilledTeam() == null || w.skilledTeam().isBlank() || w.skilledTeam().length() > 60) {
      violations.add(new Violation("/skilledTeam", "is required, at most 60 characters"));
    }
    if (w.frontlineTeam() == null
        || w.frontlineTeam().isBlank()
        || w.frontlineTeam().length() > 60) {
      violations.add(new Violation("/frontlineTeam", "is required, at most 60 characters"));
    }
    return violations;
  }

  private Query bind(Query q, ComplaintWeights w, long tenant) {
    return q.setParameter(1, w.perAttachment())
        .setParameter(2, w.attachmentsMax())
        .setParameter(3, w.longText())
        .setParameter(4, w.timing())
        .setParameter(5, w.money())
        .setParameter(6, w.device())
        .setParameter(7, w.skilledTeam().strip())
        .setParameter(8, w.frontlineTeam().strip())
        .setParameter(9, clock.instant())
        .setParameter(10, tenant);
  }

  private static int number(Object value) {
    return ((Number) value).intValue();
  }
}
