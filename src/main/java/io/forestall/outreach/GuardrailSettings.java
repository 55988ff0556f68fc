package io.forestall.outreach;

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
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** The current tenant's outreach guardrails; the defaults until first saved. Saves are audited. */
@ApplicationScoped
@Transactional
@Allowed({Role.TENANT_ADMIN, Role.AGENT, Role.VIEWER})
public class GuardrailSettings {

  @PersistenceContext EntityManager em;
  @Inject AuditLog audit;
  @Inject Clock clock;

  public Guardrails get() {
    List<?> rows =
        em.createNativeQuery(
                "select quiet_start_minute, quiet_end_minute, cap_messages, cap_days"
                    + " from outreach_settings where tenant_id = ?")
            .setParameter(1, TenantContext.require().id())
            .getResultList();
    if (rows.isEmpty()) {
      return Guardrails.DEFAULTS;
    }
    Object[] r = (Object[]) rows.get(0);
    return new Guardrails(
        LocalTime.ofSecondOfDay(number(r[0]) * 60L),
        LocalTime.ofSecondOfDay(number(r[1]) * 60L),
        number(r[2]),
        number(r[3]));
  }

  @Allowed(Role.TENANT_ADMIN)
  public void save(Guardrails g) {
    List<Violation> violations = new ArrayList<>();
    if (g.quietStart() == null) {
      violations.add(new Violation("/quietStart", "is required, as 21:00"));
    }
    if (g.quietEnd() == null) {
      violations.add(new Violation("/quietEnd", "is required, as 08:00"));
    }
    if (g.capMessages() < 1 || g.capMessages() > 50) {
      violations.add(new Violation("/capMessages", "must be from 1 to 50"));
    }
    if (g.capDays() < 1 || g.capDays() > 90) {
      violations.add(new Violation("/capDays", "must be from 1 to 90"));
    }
    if (!violations.isEmpty()) {
      throw new ViolationException("guardrail setting", violations);
    }
    Guardrails before = get();
    long tenant = TenantContext.require().id();
    Object[] values = {
      g.quietStart().toSecondOfDay() / 60,
      g.quietEnd().toSecondOfDay() / 60,
      g.capMessages(),
      g.capDays(),
      clock.instant(),
      tenant
    };
    int updated =
        bind(
                em.createNativeQuery(
                    "update outreach_settings set quiet_start_minute = ?1, quiet_end_minute = ?2,"
                        + " cap_messages = ?3, cap_days = ?4, updated_at = ?5 where tenant_id = ?6"),
                values)
            .executeUpdate();
    if (updated == 0) {
      bind(
              em.createNativeQuery(
                  "insert into outreach_settings (quiet_start_minute, quiet_end_minute,"
                      + " cap_messages, cap_days, updated_at, tenant_id)"
                      + " values (?1, ?2, ?3, ?4, ?5, ?6)"),
              values)
          .executeUpdate();
    }
    audit.record(
        "outreach-settings", tenant, "Outreach guardrails", "saved", state(before), state(get()));
  }

  private static String state(Guardrails g) {
    return AuditState.of()
        .with("quietStart", g.quietStart())
        .with("quietEnd", g.quietEnd())
        .with("capMessages", g.capMessages())
        .with("capDays", g.capDays())
        .json();
  }

  private static Query bind(Query q, Object[] values) {
    for (int i = 0; i < values.length; i++) {
      q.setParameter(i + 1, values[i]);
    }
    return q;
  }

  private static int number(Object value) {
    return ((Number) value).intValue();
  }
}
