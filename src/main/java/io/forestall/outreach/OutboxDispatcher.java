package io.forestall.outreach;

import io.forestall.cases.CaseRow;
import io.forestall.cases.CaseService;
import io.forestall.cases.TaskWanted;
import io.forestall.customers.Customer;
import io.forestall.customers.CustomerService;
import io.forestall.kernel.Caller;
import io.forestall.kernel.Channel;
import io.forestall.kernel.LocalTimes;
import io.forestall.kernel.TenantContext;
import io.forestall.kernel.TenantDirectory;
import io.forestall.kernel.TenantKey;
import io.forestall.kernel.TenantProfile;
import io.forestall.platform.persistence.Transactions;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends what the outbox holds: every second it claims due messages, most urgent playbooks first,
 * checks each against its channel's setup and the customer's address and consent, quiet hours and
 * frequency cap (delaying, not dropping), renders it from its template version and case, sends it
 * by email or SMS and records the outcome. A failure is retried with exponential backoff and the
 * message is dead after {@link #ATTEMPTS} tries, or at once when the SMS provider refuses it. An
 * email is recorded as handed over before its server can accept it, so a crash never sends it
 * twice; a restarted node first settles what it left.
 */
@ApplicationScoped
class OutboxDispatcher {

  static final int ATTEMPTS = 8;
  private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());
  private static final int BATCH = 400;

  /** Parallel senders, each with its own SMTP connection; a customer's messages share one. */
  private static final int SENDERS = 8;

  /** How many sent messages a sender records in one transaction. */
  private static final int RECORD_EVERY = 25;

  @Resource ManagedScheduledExecutorService executor;
  @Resource ManagedExecutorService senders;

  @Inject
  @ConfigProperty(name = "forestall.node.name", defaultValue = "node")
  String node;

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
  @Inject CaseService cases;
  @Inject Event<TaskWanted> tasks;
  @Inject OutreachPlans plans;
  @Inject Transactions transactions;
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

  /**
   * Settles what a crash left (nothing of this node's is in flight between ticks), then sends until
   * nothing is due, each batch split among the senders by customer.
   */
  void dispatch() {
    try {
      int settled = Caller.callAs(Caller.SYSTEM, () -> claims.recover(node, clock.instant()));
      if (settled > 0) {
        LOG.info(settled + " messages left by a stopped dispatcher were settled");
      }
      List<OutboxClaims.Claimed> batch;
      do {
        batch = Caller.callAs(Caller.SYSTEM, () -> claims.claim(BATCH, node, clock.instant()));
        List<List<OutboxClaims.Claimed>> slices = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
          slices.add(new ArrayList<>());
        }
        batch.forEach(m -> slices.get((int) (m.customerId() % SENDERS)).add(m));
        List<Future<?>> running = new ArrayList<>();
        for (List<OutboxClaims.Claimed> slice : slices) {
          if (!slice.isEmpty()) {
            running.add(senders.submit(() -> send(slice)));
          }
        }
        for (Future<?> sender : running) {
          sender.get();
        }
      } while (batch.size() == BATCH);
    } catch (RuntimeException | ExecutionException e) {
      LOG.log(Level.WARNING, "Dispatching the outbox failed; the next tick tries again", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Sends a slice: its customers and cases read at once, then each message in one transaction for
   * its remaining reads.
   */
  private void send(List<OutboxClaims.Claimed> slice) {
    try (Sender sender = new Sender()) {
      sender.read(slice);
      slice.forEach(m -> deliver(m, sender));
    }
  }

  /**
   * What one sender keeps while it works through its slice: one SMTP connection, each tenant's
   * rules and each template version's text read once, and the messages sent but not yet recorded as
   * such (they are HANDED or with their SMS provider, so a crash before the record loses none).
   */
  private final class Sender implements AutoCloseable {
    private final EmailSender.Connection smtp = email.connection();
    private final OutboxClaims.Handovers handovers = claims.handovers();
    private final Map<Long, TenantRules> rules = new HashMap<>();
    private final Map<String, TemplateContent> contents = new HashMap<>();
    private final Map<Long, Customer> customersRead = new HashMap<>();
    private final Map<Long, CaseRow> casesRead = new HashMap<>();
    private final Map<Long, OutboxClaims.CapState> caps = new HashMap<>();
    private final List<OutboxClaims.Sent> sent = new ArrayList<>();

    /**
     * Reads the slice's customers, cases and what its customers got within the frequency cap's
     * window: a few queries per tenant instead of three per message. A customer's messages all go
     * through one sender, which counts what it sends them on top. They are read a second or so
     * before their messages go out, so consent given or withdrawn in that moment applies from the
     * next message on.
     */
    void read(List<OutboxClaims.Claimed> slice) {
      Map<TenantKey, List<OutboxClaims.Claimed>> byTenant = new HashMap<>();
      slice.forEach(
          m ->
              byTenant
                  .computeIfAbsent(
                      new TenantKey(m.tenantId(), m.tenantSlug()), t -> new ArrayList<>())
                  .add(m));
      byTenant.forEach(
          (tenant, messages) -> {
            Set<Long> customerIds =
                messages.stream().map(OutboxClaims.Claimed::customerId).collect(Collectors.toSet());
            List<Long> caseIds = messages.stream().map(OutboxClaims.Claimed::caseId).toList();
            TenantContext.runAsSystem(
                tenant,
                () -> {
                  customersRead.putAll(customers.getAll(customerIds));
                  casesRead.putAll(cases.getAll(caseIds));
                  caps.putAll(
                      claims.sentRecently(
                          tenant.id(),
                          customerIds,
                          clock.instant(),
                          rules(tenant.id()).guardrails().capWindow()));
                });
          });
    }

    /** What the customer got within the cap's window, counting this sender's messages. */
    OutboxClaims.CapState cap(long customerId) {
      return caps.getOrDefault(customerId, OutboxClaims.CapState.NONE);
    }

    Customer customer(long id) {
      Customer read = customersRead.get(id);
      return read != null ? read : customers.get(id);
    }

    CaseRow caseRow(long id) {
      CaseRow read = casesRead.get(id);
      return read != null ? read : cases.get(id);
    }

    TenantRules rules(long tenantId) {
      return rules.computeIfAbsent(
          tenantId,
          t ->
              new TenantRules(
                  settings.get(), channelSettings.get(), channelSettings.smsProvider()));
    }

    TemplateContent content(long templateId, int version) {
      return contents.computeIfAbsent(
          templateId + "/" + version,
          k ->
              TemplateContent.fromJson(
                  templates.version(templateId, version).orElseThrow().getContent()));
    }

    void sent(OutboxClaims.Sent message) {
      caps.put(
          message.message().customerId(), cap(message.message().customerId()).plus(message.at()));
      sent.add(message);
      if (sent.size() >= RECORD_EVERY) {
        record();
      }
    }

    private void record() {
      if (!sent.isEmpty()) {
        claims.sent(List.copyOf(sent));
        sent.clear();
      }
    }

    @Override
    public void close() {
      try (handovers;
          smtp) {
        record();
      }
    }
  }

  /** A tenant's guardrails and channel settings, read once per batch. */
  private record TenantRules(
      Guardrails guardrails, ChannelSettings channels, Optional<SmsProvider> sms) {}

  /** Delivers one message as its tenant, its reads in one transaction. */
  private void deliver(OutboxClaims.Claimed m, Sender sender) {
    TenantKey tenant = new TenantKey(m.tenantId(), m.tenantSlug());
    TenantContext.runAsSystem(tenant, () -> transactions.run(() -> deliverAs(tenant, m, sender)));
  }

  private void deliverAs(TenantKey tenant, OutboxClaims.Claimed m, Sender sender) {
    Instant now = clock.instant();
    try {
      if (m.channel() == Channel.ACTION_PAGE) {
        claims.published(m, now);
        return;
      }
      TenantRules rules = sender.rules(m.tenantId());
      Customer customer = sender.customer(m.customerId());
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
      if (heldBack(tenant, m, customer, rules.guardrails(), now, sender)) {
        return;
      }
      TemplateContent content = sender.content(m.templateId(), m.templateVersion());
      Map<String, Object> messageLinks = links.of(tenant.slug(), m.id(), now);
      Map<String, Object> context =
          contexts.forMessage(sender.caseRow(m.caseId()), customer, messageLinks);
      TemplateRenderer.Rendered message =
          TemplateRenderer.render(content, customer.getLocale(), context);
      if (m.channel() == Channel.SMS) {
        sendSms(m, customer, message, rules.sms().orElseThrow(), sender);
      } else {
        sendEmail(
            tenant,
            m,
            customer,
            message,
            (String) messageLinks.get("optOut"),
            rules.channels(),
            sender);
      }
    } catch (MessagingException | SmsTransport.SmsException | RuntimeException e) {
      boolean smsFailure = e instanceof SmsTransport.SmsException;
      String reason =
          smsFailure ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
      boolean refused = smsFailure && ((SmsTransport.SmsException) e).permanent();
      Instant retry = refused || m.attempts() >= ATTEMPTS ? null : now.plus(backoff(m.attempts()));
      String said = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
      claims.failed(m, said, retry, now);
      if (retry == null) {
        followUp(m, said, now);
      }
    }
  }

  /** A message that failed for good goes to an agent of the playbook's follow-up team. */
  private void followUp(OutboxClaims.Claimed m, String reason, Instant now) {
    try {
      CaseRow row = cases.get(m.caseId());
      plans
          .find(row.getCase().getPlaybookId(), row.getCase().getPlaybookVersion())
          .ifPresent(
              plan ->
                  tasks.fire(
                      new TaskWanted(
                          m.caseId(),
                          TaskWanted.FAILED_SEND,
                          plan.followUpTeam(),
                          3,
                          now.plus(Duration.ofHours(4)),
                          "The " + m.channel() + " message could not be sent: " + reason)));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Cannot open a task for failed message " + m.id(), e);
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
      Instant now,
      Sender sender) {
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
    OutboxClaims.CapState cap = sender.cap(m.customerId());
    if (cap.sent() >= guardrails.capMessages()) {
      Instant freeAt = (cap.oldest() == null ? now : cap.oldest()).plus(guardrails.capWindow());
      claims.delayed(
          m,
          "frequency cap: "
              + cap.sent()
              + " messages in "
              + guardrails.capDays()
              + " days; next on "
              + LocalTimes.minute(freeAt, zone),
          freeAt,
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
      ChannelSettings channels,
      Sender sender)
      throws MessagingException {
    String name = tenants.find(tenant.slug()).map(TenantProfile::name).orElse("Forestall");
    String subject = message.parts().get("subject");
    boolean[] handed = {false};
    try {
      sender.smtp.send(
          new EmailSender.Email(
              email.senderFor(channels, name),
              customer.getEmail(),
              subject,
              message.parts().get("html"),
              message.parts().get("text"),
              optOut,
              m.key()),
          () -> {
            sender.handovers.handed(m, customer.getEmail(), subject, clock.instant());
            handed[0] = true;
          });
    } catch (MessagingException e) {
      if (!handed[0] || e instanceof SendFailedException) {
        throw e;
      }
      LOG.warning("The server's answer to message " + m.id() + " was lost; counted as sent");
    }
    sender.sent(new OutboxClaims.Sent(m, customer.getEmail(), subject, null, clock.instant()));
  }

  private void sendSms(
      OutboxClaims.Claimed m,
      Customer customer,
      TemplateRenderer.Rendered message,
      SmsProvider provider,
      Sender sender)
      throws SmsTransport.SmsException {
    Optional<String> providerId =
        sms.send(provider, customer.getPhone(), message.parts().get("text"), m.key());
    sender.sent(
        new OutboxClaims.Sent(
            m, customer.getPhone(), null, providerId.orElse(null), clock.instant()));
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
