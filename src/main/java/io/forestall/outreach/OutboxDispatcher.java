package io.forestall.outreach;

import io.forestall.customers.Customer;
import io.forestall.customers.CustomerService;
import io.forestall.kernel.Caller;
import io.forestall.kernel.LocalTimes;
import io.forestall.kernel.TenantContext;
import io.forestall.kernel.TenantDirectory;
import io.forestall.kernel.TenantKey;
import io.forestall.kernel.TenantProfile;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what the outbox holds: every second it claims due messages, most urgent playbooks first,
 * checks each against the customer's consent, quiet hours and frequency cap (delaying, not
 * dropping), renders it from its template version and case, sends it and records the outcome. A
 * failure is retried with exponential backoff and the message is dead after {@link #ATTEMPTS}
 * tries.
 */
@ApplicationScoped
class OutboxDispatcher {

  static final int ATTEMPTS = 8;
  private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());
  private static final int BATCH = 50;

  @Resource ManagedScheduledExecutorService executor;
  @Inject OutboxClaims claims;
  @Inject TemplateService templates;
  @Inject MessageContexts contexts;
  @Inject CustomerService customers;
  @Inject TenantDirectory tenants;
  @Inject EmailSender email;
  @Inject ActionLinks links;
  @Inject GuardrailSettings settings;
  @Inject Clock clock;

  private ScheduledFuture<?> timer;

  void start(@Observes Startup startup) {
    timer = executor.scheduleWithFixedDelay(this::dispatch, 1, 1, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (timer != null) {
      timer.cancel(false);
    }
  }

  /** Sends until nothing is due. */
  void dispatch() {
    try {
      List<OutboxClaims.Claimed> batch;
      do {
        batch = Caller.callAs(Caller.SYSTEM, () -> claims.claim(BATCH, clock.instant()));
        Map<Long, Guardrails> guardrails = new HashMap<>();
        batch.forEach(m -> deliver(m, guardrails));
      } while (batch.size() == BATCH);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Dispatching the outbox failed; the next tick tries again", e);
    }
  }

  /** Delivers one message as its tenant; {@code guardrails} keeps each tenant's for the batch. */
  private void deliver(OutboxClaims.Claimed m, Map<Long, Guardrails> guardrails) {
    TenantKey tenant = new TenantKey(m.tenantId(), m.tenantSlug());
    Caller.runAs(
        Caller.SYSTEM,
        () ->
            TenantContext.run(
                tenant,
                () ->
                    deliverAs(
                        tenant, m, guardrails.computeIfAbsent(m.tenantId(), t -> settings.get()))));
  }

  private void deliverAs(TenantKey tenant, OutboxClaims.Claimed m, Guardrails guardrails) {
    Instant now = clock.instant();
    try {
      if (m.channel() == Channel.ACTION_PAGE) {
        claims.published(m, now);
        return;
      }
      if (m.channel() != Channel.EMAIL) {
        claims.skipped(m, m.channel() + " messages are not sent yet: only email is", now);
        return;
      }
      Customer customer = customers.get(m.customerId());
      if (customer.getEmail() == null || customer.getEmail().isBlank()) {
        claims.skipped(m, "the customer has no email address", now);
        return;
      }
      if (!customer.isConsentEmail()) {
        claims.skipped(m, "the customer has not agreed to email", now);
        return;
      }
      ZoneId zone = zoneOf(customer, tenant);
      Optional<ZonedDateTime> quietUntil = guardrails.quietUntil(now.atZone(zone));
      if (quietUntil.isPresent()) {
        claims.delayed(
            m,
            "quiet hours in "
                + zone.getId()
                + " until "
                + LocalTimes.minute(quietUntil.get().toInstant(), zone),
            quietUntil.get().toInstant(),
            now);
        return;
      }
      OutboxClaims.CapState cap =
          claims.sentRecently(m.tenantId(), m.customerId(), now, guardrails.capWindow());
      if (cap.sent() >= guardrails.capMessages()) {
        claims.delayed(
            m,
            "frequency cap: "
                + cap.sent()
                + " messages in "
                + guardrails.capDays()
                + " days; next on "
                + LocalTimes.minute(cap.freeAt(), zone),
            cap.freeAt(),
            now);
        return;
      }
      TemplateContent content =
          TemplateContent.fromJson(
              templates.version(m.templateId(), m.templateVersion()).orElseThrow().getContent());
      Map<String, Object> context = contexts.forCase(m.caseId());
      Map<String, Object> messageLinks = links.of(tenant.slug(), m.id(), now);
      context.put("links", messageLinks);
      TemplateRenderer.Rendered message =
          TemplateRenderer.render(content, customer.getLocale(), context);
      String from = tenants.find(tenant.slug()).map(TenantProfile::name).orElse("Forestall");
      email.send(
          from,
          customer.getEmail(),
          message.parts().get("subject"),
          message.parts().get("html"),
          message.parts().get("text"),
          (String) messageLinks.get("optOut"),
          m.key());
      claims.sent(m, customer.getEmail(), message.parts().get("subject"), clock.instant());
    } catch (MessagingException | RuntimeException e) {
      String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
      Instant retry = m.attempts() >= ATTEMPTS ? null : now.plus(backoff(m.attempts()));
      claims.failed(m, reason.length() > 1000 ? reason.substring(0, 1000) : reason, retry, now);
    }
  }

  private ZoneId zoneOf(Customer customer, TenantKey tenant) {
    try {
      if (customer.getTimeZone() != null) {
        return ZoneId.of(customer.getTimeZone());
      }
    } catch (DateTimeException e) {
      // An unknown zone falls back to the tenant's.
    }
    return tenants.zone(tenant);
  }

  /** 30 s, 1 min, 2 min … doubling, at most 6 hours. */
  static Duration backoff(int attempts) {
    long seconds = 30L << Math.min(attempts - 1, 10);
    return Duration.ofSeconds(Math.min(seconds, 6 * 3600));
  }
}
