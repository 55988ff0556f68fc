package io.forestall.offers;

import io.forestall.audit.AuditLog;
import io.forestall.kernel.Allowed;
import io.forestall.kernel.ConflictException;
import io.forestall.kernel.NotFoundException;
import io.forestall.kernel.Role;
import io.forestall.kernel.TenantContext;
import io.forestall.kernel.Violation;
import io.forestall.kernel.ViolationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The current tenant's offer catalogue: kept by tenant admins (audited), attached to playbooks,
 * shown to eligible customers, and tracked from shown to clicked to accepted with its revenue.
 */
@ApplicationScoped
@Transactional
@Allowed({Role.TENANT_ADMIN, Role.AGENT, Role.VIEWER})
public class OfferService {

  /** Where an offer is on its way to being won. */
  public enum Stage {
    SHOWN,
    CLICKED,
    ACCEPTED
  }

  static final String AUDIT_SUBJECT = "offer";

  @PersistenceContext EntityManager em;
  @Inject AuditLog audit;
  @Inject Clock clock;

  public List<Offer> list() {
    return em.createQuery("select o from Offer o order by o.title", Offer.class).getResultList();
  }

  public Offer get(long id) {
    return find(id).orElseThrow(() -> new NotFoundException("Offer", id));
  }

  public Optional<Offer> find(long id) {
    Offer offer = em.find(Offer.class, id);
    return offer == null || !offer.getTenantId().equals(TenantContext.require().id())
        ? Optional.empty()
        : Optional.of(offer);
  }

  @Allowed(Role.TENANT_ADMIN)
  public Offer create(OfferDraft draft) {
    check(draft, null);
    Offer offer = new Offer(draft, clock.instant());
    em.persist(offer);
    em.flush();
    audit.record(AUDIT_SUBJECT, offer.getId(), offer.getTitle(), "created", null, draft.toString());
    return offer;
  }

  @Allowed(Role.TENANT_ADMIN)
  public Offer update(long id, OfferDraft draft) {
    Offer offer = get(id);
    check(draft, id);
    String before = offer.draft().toString();
    offer.apply(draft, clock.instant());
    audit.record(AUDIT_SUBJECT, id, offer.getTitle(), "edited", before, draft.toString());
    return offer;
  }

  /**
   * Removes an offer nobody was shown yet; a shown one keeps its history, so it is ended instead.
   */
  @Allowed(Role.TENANT_ADMIN)
  public void delete(long id) {
    Offer offer = get(id);
    long events =
        em.createQuery("select count(e) from OfferEvent e where e.offerId = :id", Long.class)
            .setParameter("id", id)
            .getSingleResult();
    if (events > 0) {
      throw new ConflictException(
          "The offer was shown " + events + " times; end it with validUntil instead");
    }
    audit.record(AUDIT_SUBJECT, id, offer.getTitle(), "deleted", offer.draft().toString(), null);
    em.remove(offer);
  }

  /** The offer, when it is valid now and the customer with {@code attributes} is eligible. */
  @Allowed({Role.TENANT_ADMIN, Role.AGENT, Role.VIEWER, Role.CUSTOMER})
  public Optional<Offer> forCustomer(long offerId, JsonObject attributes, Instant now) {
    return find(offerId).filter(o -> o.validAt(now) && o.getEligibility().admits(attributes));
  }

  /**
   * Records that a message's offer reached {@code stage}; once per message and stage, and an
   * acceptance carries the offer's revenue. Answers whether this was new.
   */
  @Allowed({Role.TENANT_ADMIN, Role.AGENT, Role.VIEWER, Role.CUSTOMER})
  public boolean record(long offerId, long caseId, long messageId, Stage stage, Instant now) {
    Offer offer = get(offerId);
    return em.createNativeQuery(
                "insert into offer_event (tenant_id, offer_id, case_id, message_id, stage, revenue,"
                    + " at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
            .setParameter(1, TenantContext.require().id())
            .setParameter(2, offerId)
            .setParameter(3, caseId)
            .setParameter(4, messageId)
            .setParameter(5, stage.name())
            .setParameter(6, stage == Stage.ACCEPTED ? offer.getRevenue() : null)
            .setParameter(7, now)
            .executeUpdate()
        == 1;
  }

  /** Whether a message's offer reached {@code stage}. */
  @Allowed({Role.TENANT_ADMIN, Role.AGENT, Role.VIEWER, Role.CUSTOMER})
  public boolean reached(long messageId, Stage stage) {
    return !em.createQuery(
            "select e.id from OfferEvent e where e.messageId = :m and e.stage = :s", Long.class)
        .setParameter("m", messageId)
        .setParameter("s", stage.name())
        .getResultList()
        .isEmpty();
  }

  /** Every offer's funnel, in one aggregate query. */
  public List<OfferFunnel> funnels() {
    return funnels(null);
  }

  /** One offer's funnel. */
  public OfferFunnel funnel(long offerId) {
    get(offerId);
    return funnels(offerId).get(0);
  }

  private List<OfferFunnel> funnels(Long offerId) {
    return em
        .createQuery(
            "select o.id, o.title,"
                + " sum(case when e.stage = 'SHOWN' then 1 else 0 end),"
                + " sum(case when e.stage = 'CLICKED' then 1 else 0 end),"
                + " sum(case when e.stage = 'ACCEPTED' then 1 else 0 end),"
                + " sum(e.revenue), o.currency"
                + " from Offer o left join OfferEvent e on e.offerId = o.id"
                + " where (:id is null or o.id = :id)"
                + " group by o.id, o.title, o.currency order by o.title",
            Object[].class)
        .setParameter("id", offerId)
        .getResultList()
        .stream()
        .map(
            r ->
                new OfferFunnel(
                    (Long) r[0],
                    (String) r[1],
                    count(r[2]),
                    count(r[3]),
                    count(r[4]),
                    r[5] == null ? BigDecimal.ZERO : (BigDecimal) r[5],
                    (String) r[6]))
        .toList();
  }

  private static long count(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  private void check(OfferDraft draft, Long id) {
    List<Violation> violations = new java.util.ArrayList<>(draft.check());
    if (draft.title() != null
        && !em.createQuery(
                "select o.id from Offer o where o.title = :t and (:id is null or o.id <> :id)",
                Long.class)
            .setParameter("t", draft.title().strip())
            .setParameter("id", id)
            .getResultList()
            .isEmpty()) {
      violations.add(new Violation("/title", "is taken by another offer"));
    }
    if (!violations.isEmpty()) {
      throw new ViolationException("offer", violations);
    }
  }
}
