package io.forestall.outreach;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.kernel.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plans scans hand outreach, by playbook version: the options a SELF_HEAL case offers, a
 * PRE_EMPT case's remedy, the follow-up team and the offer. A version's plan is written once and
 * never changes, so each is read from the database once per node.
 */
@ApplicationScoped
@Transactional
public class OutreachPlans {

  private final Map<String, OutreachPlan> known = new ConcurrentHashMap<>();

  @PersistenceContext EntityManager em;

  public Optional<OutreachPlan> find(long playbookId, int version) {
    String key = TenantContext.require().id() + "/" + playbookId + "/" + version;
    OutreachPlan cached = known.get(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    List<Object[]> rows =
        em.createNativeQuery(
                "select level, options, remedy_action, confirm_by, follow_up_team, offer_id"
                    + " from outreach_plan"
                    + " where tenant_id = ? and playbook_id = ? and playbook_version = ?",
                Object[].class)
            .setParameter(1, TenantContext.require().id())
            .setParameter(2, playbookId)
            .setParameter(3, version)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = rows.get(0);
    OutreachPlan plan =
        new OutreachPlan(
            playbookId,
            version,
            (String) r[0],
            Map.of(),
            JSON
                .createReader(new StringReader((String) r[1]))
                .readArray()
                .getValuesAs(jakarta.json.JsonString.class)
                .stream()
                .map(jakarta.json.JsonString::getString)
                .toList(),
            (String) r[2],
            (String) r[3],
            (String) r[4],
            r[5] == null ? null : ((Number) r[5]).longValue());
    known.put(key, plan);
    return Optional.of(plan);
  }
}
