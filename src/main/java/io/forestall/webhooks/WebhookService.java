package io.forestall.webhooks;

import io.forestall.audit.AuditLog;
import io.forestall.audit.AuditState;
import io.forestall.integrations.WebhookSignatures;
import io.forestall.kernel.Allowed;
import io.forestall.kernel.Caller;
import io.forestall.kernel.ConflictException;
import io.forestall.kernel.NotFoundException;
import io.forestall.kernel.Role;
import io.forestall.kernel.Violation;
import io.forestall.kernel.ViolationException;
import io.forestall.platform.crypto.SecretBox;
import io.forestall.platform.egress.EgressGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The current tenant's outbound webhooks, for its admins and full-scope API keys: subscriptions
 * (the secret is answered once, on create and rotate), their delivery log, and replays. Every
 * change is audited.
 */
@ApplicationScoped
@Transactional
@Allowed(Role.TENANT_ADMIN)
public class WebhookService {

  static final String AUDIT_SUBJECT = "webhook";

  /** How long the secret before a rotation keeps signing beside the new one. */
  static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

  @PersistenceContext EntityManager em;
  @Inject SecretBox box;
  @Inject AuditLog audit;
  @Inject EgressGuard egress;
  @Inject Clock clock;

  /** A subscription with its signing secret: the only moment the secret is shown. */
  public record WithSecret(WebhookSubscription subscription, String secret) {}

  /** A page of a subscription's deliveries, newest first, and how many there are in all. */
  public record DeliveryPage(List<WebhookDelivery> items, long total) {}

  public List<WebhookSubscription> list() {
    return em.createQuery(
            "select s from WebhookSubscription s left join fetch s.eventTypes"
                + " order by s.createdAt desc, s.id desc",
            WebhookSubscription.class)
        .getResultList();
  }

  public WebhookSubscription get(long id) {
    return em
        .createQuery(
            "select s from WebhookSubscription s where s.id = :id", WebhookSubscription.class)
        .setParameter("id", id)
        .getResultList()
        .stream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("Webhook subscription", id));
  }

  public WithSecret create(SubscriptionDraft draft) {
    check(draft);
    String secret = WebhookSignatures.newSecret();
    Instant now = clock.instant();
    WebhookSubscription s =
        new WebhookSubscription(draft, box.encrypt(secret), prefix(secret), actor(), now);
    em.persist(s);
    em.flush();
    audit.record(AUDIT_SUBJECT, s.getId(), s.getUrl(), "created", null, s.describe());
    return new WithSecret(s, secret);
  }

  /** Replaces address, description and types; {@code enabled}, when given, switches it. */
  public WebhookSubscription update(long id, SubscriptionDraft draft) {
    check(draft);
    WebhookSubscription s = get(id);
    String before = s.describe();
    Instant now = clock.instant();
    s.edit(draft, now);
    if (draft.enabled() != null && draft.enabled() != s.isEnabled()) {
      if (draft.enabled()) {
        s.enable(now);
      } else {
        s.disable("Disabled by " + actor(), now);
      }
    }
    String after = s.describe();
    if (!before.equals(after)) {
      audit.record(AUDIT_SUBJECT, id, s.getUrl(), "edited", before, after);
    }
    return s;
  }

  /**
   * Switches a subscription on again, e.g. after it was disabled for failing; waiting deliveries
   * resume.
   */
  public WebhookSubscription enable(long id) {
    WebhookSubscription s = get(id);
    if (!s.isEnabled()) {
      String before = s.describe();
      s.enable(clock.instant());
      audit.record(AUDIT_SUBJECT, id, s.getUrl(), "enabled", before, s.describe());
    }
    return s;
  }

  /** Stops deliveries: no new ones are queued, waiting ones wait until it is enabled again. */
  public WebhookSubscription disable(long id) {
    WebhookSubscription s = get(id);
    if (s.isEnabled()) {
      String before = s.describe();
      s.disable("Disabled by " + actor(), clock.instant());
      audit.record(AUDIT_SUBJECT, id, s.getUrl(), "disabled", before, s.describe());
    }
    return s;
  }

  /** Removes the subscription with its deliveries and their log. */
  public void delete(long id) {
    WebhookSubscription s = get(id);
    String before = s.describe();
    em.createQuery(
            "delete from DeliveryAttempt a where a.deliveryId in"
                + " (select d.id from WebhookDelivery d where d.subscriptionId = :id)")
        .setParameter("id", id)
        .executeUpdate();
    em.createQuery("delete from WebhookDelivery d where d.subscriptionId = :id")
        .setParameter("id", id)
        .executeUpdate();
    em.remove(s);
    audit.record(AUDIT_SUBJECT, id, s.getUrl(), "deleted", before, null);
  }

  /**
   * A new signing secret, answered once; for {@link #ROTATION_OVERLAP} deliveries carry a second
   * signature with the old one, so the subscriber can switch without losing any.
   */
  public WithSecret rotateSecret(long id) {
    WebhookSubscription s = get(id);
    String secret = WebhookSignatures.newSecret();
    Instant now = clock.instant();
    String oldPrefix = s.getSecretPrefix();
    String before =
        AuditState.of()
            .with("secretPrefix", oldPrefix)
            .with("previousSecretValidUntil", s.getPreviousUntil())
            .json();
    s.rotate(box.encrypt(secret), prefix(secret), now.plus(ROTATION_OVERLAP), now);
    audit.record(
        AUDIT_SUBJECT,
        id,
        s.getUrl(),
        "secret rotated",
        before,
        AuditState.of()
            .with("secretPrefix", s.getSecretPrefix())
            .with("previousSecretPrefix", oldPrefix)
            .with("previousSecretValidUntil", s.getPreviousUntil())
            .json());
    return new WithSecret(s, secret);
  }

  public DeliveryPage deliveries(long subscriptionId, int offset, int limit) {
    get(subscriptionId);
    List<WebhookDelivery> items =
        em.createQuery(
                "select d from WebhookDelivery d where d.subscriptionId = :id"
                    + " order by d.createdAt desc, d.id desc",
                WebhookDelivery.class)
            .setParameter("id", subscriptionId)
            .setFirstResult(offset)
            .setMaxResults(limit)
            .getResultList();
    long total =
        em.createQuery(
                "select count(d) from WebhookDelivery d where d.subscriptionId = :id", Long.class)
            .setParameter("id", subscriptionId)
            .getSingleResult();
    return new DeliveryPage(items, total);
  }

  public WebhookDelivery delivery(long id) {
    return em
        .createQuery("select d from WebhookDelivery d where d.id = :id", WebhookDelivery.class)
        .setParameter("id", id)
        .getResultList()
        .stream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("Webhook delivery", id));
  }

  /** The attempts of the given deliveries, each delivery's in order, read in one query. */
  public Map<Long, List<DeliveryAttempt>> attempts(Collection<Long> deliveryIds) {
    Map<Long, List<DeliveryAttempt>> byDelivery = new LinkedHashMap<>();
    deliveryIds.forEach(id -> byDelivery.put(id, new ArrayList<>()));
    if (deliveryIds.isEmpty()) {
      return byDelivery;
    }
    em
        .createQuery(
            "select a from DeliveryAttempt a where a.deliveryId in :ids"
                + " order by a.deliveryId, a.number, a.id",
            DeliveryAttempt.class)
        .setParameter("ids", deliveryIds)
        .getResultList()
        .stream()
        .forEach(a -> byDelivery.get(a.getDeliveryId()).add(a));
    return byDelivery;
  }

  /**
   * Sends a delivery once more, now, with the same webhook-id and body (a waiting one is sent now
   * instead of later). Its subscription must be enabled.
   */
  public WebhookDelivery replay(long deliveryId) {
    WebhookDelivery d = delivery(deliveryId);
    if (d.getState() == DeliveryState.SENDING) {
      throw new ConflictException("Delivery " + d.getWebhookId() + " is being sent right now");
    }
    WebhookSubscription s = get(d.getSubscriptionId());
    if (!s.isEnabled()) {
      throw new ConflictException("The subscription is disabled; enable it before replaying");
    }
    String before = d.getState().name();
    d.replay(clock.instant());
    audit.record(
        AUDIT_SUBJECT,
        s.getId(),
        s.getUrl(),
        "replayed a delivery",
        "{\"delivery\":\"" + d.getWebhookId() + "\",\"state\":\"" + before + "\"}",
        "{\"delivery\":\"" + d.getWebhookId() + "\",\"state\":\"" + d.getState().name() + "\"}");
    return d;
  }

  /** The draft's own rules, then whether the egress guard would call its URL now. */
  private void check(SubscriptionDraft draft) {
    List<Violation> violations = new ArrayList<>(draft.check());
    if (violations.stream().noneMatch(v -> v.pointer().equals("/url"))) {
      egress.problem(draft.url()).ifPresent(p -> violations.add(new Violation("/url", p)));
    }
    if (!violations.isEmpty()) {
      throw new ViolationException("webhook subscription", violations);
    }
  }

  private static String prefix(String secret) {
    return secret.substring(0, 12);
  }

  private static String actor() {
    return Caller.current().map(Caller::displayName).orElse(Caller.SYSTEM.displayName());
  }
}
