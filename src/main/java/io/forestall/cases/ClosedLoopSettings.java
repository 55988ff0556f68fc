package io.forestall.cases;

import io.forestall.audit.AuditLog;
import io.forestall.audit.AuditState;
import io.forestall.events.EventDraft;
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
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The current tenant's closed-loop settings, one row per tenant; the defaults until first saved.
 * Saves are checked as a whole and audited.
 */
@ApplicationScoped
@Transactional
@Allowed({Role.TENANT_ADMIN, Role.AGENT, Role.VIEWER})
public class ClosedLoopSettings {

  static final int MAX_TYPES = 20;
  static final BigDecimal MAX_COST = new BigDecimal("1000000");

  @PersistenceContext EntityManager em;
  @Inject AuditLog audit;
  @Inject Clock clock;

  public LoopSettings get() {
    List<?> rows =
        em.createNativeQuery(
                "select contact_types, cost_per_contact, currency from closed_loop_settings"
                    + " where tenant_id = ?")
            .setParameter(1, TenantContext.require().id())
            .getResultList();
    if (rows.isEmpty()) {
      return LoopSettings.DEFAULTS;
    }
    Object[] r = (Object[]) rows.get(0);
    return new LoopSettings(
        Arrays.asList(((String) r[0]).split(",")),
        new BigDecimal(r[1].toString()).setScale(2),
        (String) r[2]);
  }

  @Allowed(Role.TENANT_ADMIN)
  public void save(LoopSettings s) {
    List<Violation> violations = check(s);
    if (!violations.isEmpty()) {
      throw new ViolationException("closed-loop setting", violations);
    }
    LoopSettings before = get();
    long tenant = TenantContext.require().id();
    Object[] values = {
      String.join(",", s.contactTypes()),
      s.costPerContact().setScale(2),
      s.currency(),
      clock.instant(),
      tenant
    };
    int updated =
        bind(
                em.createNativeQuery(
                    "update closed_loop_settings set contact_types = ?1, cost_per_contact = ?2,"
                        + " currency = ?3, updated_at = ?4 where tenant_id = ?5"),
                values)
            .executeUpdate();
    if (updated == 0) {
      bind(
              em.createNativeQuery(
                  "insert into closed_loop_settings (contact_types, cost_per_contact, currency,"
                      + " updated_at, tenant_id) values (?1, ?2, ?3, ?4, ?5)"),
              values)
          .executeUpdate();
    }
    audit.record(
        "closed-loop-settings", tenant, "Closed loop", "saved", state(before), state(get()));
  }

  private static String state(LoopSettings s) {
    return AuditState.of()
        .with("contactTypes", s.contactTypes())
        .with("costPerContact", s.costPerContact())
        .with("currency", s.currency())
        .json();
  }

  /** Every broken rule of {@code s}; empty when it can be saved. */
  static List<Violation> check(LoopSettings s) {
    List<Violation> violations = new ArrayList<>();
    if (s.contactTypes().isEmpty()) {
      violations.add(new Violation("/contactTypes", "needs at least one event type"));
    } else if (s.contactTypes().size() > MAX_TYPES) {
      violations.add(new Violation("/contactTypes", "may name at most " + MAX_TYPES + " types"));
    }
    Set<String> seen = new HashSet<>();
    for (String type : s.contactTypes()) {
      if (type == null || type.length() > 100 || !EventDraft.TYPE.matcher(type).matches()) {
        violations.add(
            new Violation(
                "/contactTypes",
                "'"
                    + type
                    + "' is not an event type (lower-case words joined by dots, as"
                    + " ticket.created)"));
      } else if (!seen.add(type)) {
        violations.add(new Violation("/contactTypes", "names " + type + " twice"));
      }
    }
    BigDecimal cost = s.costPerContact();
    if (cost == null) {
      violations.add(new Violation("/costPerContact", "is required, as 4.50"));
    } else if (cost.signum() < 0 || cost.compareTo(MAX_COST) >= 0) {
      violations.add(new Violation("/costPerContact", "must be from 0 to 999999.99"));
    } else if (cost.stripTrailingZeros().scale() > 2) {
      violations.add(new Violation("/costPerContact", "has at most 2 decimal places"));
    }
    if (!isCurrency(s.currency())) {
      violations.add(new Violation("/currency", "must be an ISO 4217 currency code, as EUR"));
    }
    return violations;
  }

  private static boolean isCurrency(String code) {
    if (code == null || !code.matches("[A-Z]{3}")) {
      return false;
    }
    try {
      return Currency.getInstance(code) != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static Query bind(Query q, Object[] values) {
    for (int i = 0; i < values.length; i++) {
      q.setParameter(i + 1, values[i]);
    }
    return q;
  }
}
