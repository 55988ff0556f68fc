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
 * checks each against its channel's setup and the customer's address and consent, quiet hours and
 * frequency cap (delaying, not dropping), renders it from its template version and case, sends it
 * by email or SMS and records the outcome. A failure is retried with exponential backoff and the
 * message is dead after {@link #ATTEMPTS} tries, or at once when the SMS provider refuses it.
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
  @Inject SmsTransport sms;
  @Inject ChannelSettingsService channelSettings;
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
        Map<Long, TenantRules> rules = new HashMap<>();
        batch.forEach(m -> deliver(m, rules));
      } while (batch.size() == BATCH);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Dispatching the outbox failed; the next tick tries again", e);
    }
  }

  /** A tenant's guardrails and channel settings, read once per batch. */
  private record TenantRules(
      Guardrails guardrails, ChannelSettings channels, Optional<SmsProvider> sms) {}

  /** Delivers one message as its tenant; {@code rules} keeps each tenant's for the batch. */
  private void deliver(OutboxClaims.Claimed m, Map<Long, TenantRules> rules) {
    TenantKey tenant = new TenantKey(m.tenantId(), m.tenantSlug());
    Caller.runAs(Caller.SYSTEM, () -> TenantContext.run(tenant, () -> deliverAs(tenant, m, rules)));
  }

  private void deliverAs(
      TenantKey tenant, OutboxClaims.Claimed m, Map<Long, TenantRules> rulesByTenant) {
    Instant now = clock.instant();
    try {
      if (m.channel() == Channel.ACTION_PAGE) {
        claims.published(m, now);
        return;
      }
      TenantRules rules =
          rulesByTenant.computeIfAbsent(
              m.tenantId(),
              t ->
                  new TenantRules(
                      settings.get(), channelSettings.get(), channelSettings.smsProvider()));
      Customer customer = customers.get(m.customerId());
      Optional<String> refusal =
          switch (m.channel()) {
            case EMAIL -> emailRefusal(customer);
            case SMS -> smsRefusal(customer, rules.sms());
            default -> Optional.of(m.channel() + " messages are not sent yet");
          };
      if (refusal.isPresent()) {
        claims.skipped(m, refusal.get(), now);
        return;
      }
      if (heldBack(tenant, m, customer, rules.guardrails(), now)) {
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
      if (m.channel() == Channel.SMS) {
        sendSms(m, customer, message, rules.sms().orElseThrow());
      } else {
        sendEmail(
            tenant, m, customer, message, (String) messageLinks.get("optOut"), rules.channels());
      }
    } catch (MessagingException | SmsTransport.SmsException | RuntimeException e) {
      boolean smsFailure = e instanceof SmsTransport.SmsException;
      String reason =
          smsFailure ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
      boolean refused = smsFailure && ((SmsTransport.SmsException) e).permanent();
      Instant retry = refused || m.attempts() >= ATTEMPTS ? null : now.plus(backoff(m.attempts()));
      claims.failed(m, reason.length() > 1000 ? reason.substring(0, 1000) : reason, retry, now);
    }
  }

  private static Optional<String> emailRefusal(Customer customer) {
    if (customer.getEmail() == null || customer.getEmail().isBlank()) {
      return Optional.of("the customer has no email address");
    }
    if (!customer.isConsentEmail()) {
      return Optional.of("the customer has not agreed to email");
    }
    return Optional.empty();
  }

  private static Optional<String> smsRefusal(Customer customer, Optional<SmsProvider> provider) {
    if (provider.isEmpty()) {
      return Optional.of("SMS is not set up for this tenant (Settings, Channels)");
    }
    if (customer.getPhone() == null || customer.getPhone().isBlank()) {
      return Optional.of("the customer has no phone number");
    }
    if (!customer.isConsentSms()) {
      return Optional.of("the customer has not agreed to SMS");
    }
    return Optional.empty();
  }

  /** Delays the message past quiet hours or the frequency cap; answers whether it did. */
  private boolean heldBack(
      TenantKey tenant,
      OutboxClaims.Claimed m,
      Customer customer,
      Guardrails guardrails,
      Instant now) {
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
      return true;
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
      return true;
    }
    return false;
  }

  private void sendEmail(
      TenantKey tenant,
      OutboxClaims.Claimed m,
      Customer customer,
      TemplateRenderer.Rendered message,
      String optOut,
      ChannelSettings channels)
      throws MessagingException {
    String name = tenants.find(tenant.slug()).map(TenantProfile::name).orElse("Forestall");
    email.send(
        email.senderFor(channels, name),
        customer.getEmail(),
        message.parts().get("subject"),
        message.parts().get("html"),
        message.parts().get("text"),
        optOut,
        m.key());
    claims.sent(m, customer.getEmail(), message.parts().get("subject"), clock.instant());
  }

  private void sendSms(
      OutboxClaims.Claimed m,
      Customer customer,
      TemplateRenderer.Rendered message,
      SmsProvider provider)
      throws SmsTransport.SmsException {
    Optional<String> providerId =
        sms.send(provider, customer.getPhone(), message.parts().get("text"), m.key());
    claims.sent(m, customer.getPhone(), null, providerId.orElse(null), clock.instant());
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
