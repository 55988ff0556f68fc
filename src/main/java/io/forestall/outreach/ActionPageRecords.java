package io.forestall.outreach;

import io.forestall.cases.CaseRow;
import io.forestall.cases.CaseService;
import io.forestall.cases.CaseTransitions;
import io.forestall.cases.ContactWatch;
import io.forestall.cases.TaskWanted;
import io.forestall.customers.Customer;
import io.forestall.customers.CustomerService;
import io.forestall.kernel.Channel;
import io.forestall.kernel.IntegrationEvent;
import io.forestall.kernel.NotFoundException;
import io.forestall.kernel.TenantContext;
import io.forestall.kernel.TenantDirectory;
import io.forestall.kernel.TenantProfile;
import io.forestall.offers.Offer;
import io.forestall.offers.OfferService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the action page reads and records for one message of the current tenant, in one transaction
 * each: the page itself, opens and clicks, answers that move the case, scores and consent.
 */
@ApplicationScoped
@Transactional
class ActionPageRecords {

  private static final Set<String> LANGUAGES = Set.of("en", "de");

  @PersistenceContext EntityManager em;
  @Inject CaseService cases;
  @Inject CaseTransitions transitions;
  @Inject Event<TaskWanted> tasks;
  @Inject CustomerService customers;
  @Inject TemplateService templates;
  @Inject MessageContexts contexts;
  @Inject ActionLinks links;
  @Inject OutreachPlans plans;
  @Inject OfferService offers;
  @Inject TenantDirectory tenants;
  @Inject Event<IntegrationEvent> integrations;
  @Inject Clock clock;

  ActionPages.Page page(long messageId, boolean click) {
    OutreachMessage message = message(messageId);
    Instant now = clock.instant();
    update("opened_at = coalesce(opened_at, ?)", message, now);
    if (click) {
      update("clicked_at = coalesce(clicked_at, ?)", message, now);
    }
    return show(message);
  }

  Void opened(long messageId) {
    update("opened_at = coalesce(opened_at, ?)", message(messageId), clock.instant());
    return null;
  }

  ActionPages.Page answer(long messageId, ActionPages.Answer answer, String detail) {
    OutreachMessage message = message(messageId);
    CaseRow row = cases.get(message.getCaseId());
    if (answer == ActionPages.Answer.UNDO && !"PRE_EMPT".equals(row.getCase().getLevel())) {
      throw new IllegalArgumentException("Only a remedy that was done can be undone");
    }
    if (answer == ActionPages.Answer.OPTION && !options(row).contains(detail)) {
      throw new IllegalArgumentException("Not one of the options offered");
    }
    String stored = answer == ActionPages.Answer.OPTION ? detail : null;
    int changed =
        em.createNativeQuery(
                "update outreach_message set answer = ?, answer_detail = ?, answered_at = ?,"
                    + " updated_at = ? where id = ? and tenant_id = ? and answer is null")
            .setParameter(1, answer.name())
            .setParameter(2, stored)
            .setParameter(3, clock.instant())
            .setParameter(4, clock.instant())
            .setParameter(5, message.getId())
            .setParameter(6, TenantContext.require().id())
            .executeUpdate();
    if (changed == 1) {
      move(row, answer, stored);
      Map<String, Object> data = new HashMap<>();
      data.put("caseId", row.getCase().getId());
      data.put("messageId", message.getId());
      data.put("channel", message.getChannel().name());
      data.put("customer", row.getCustomerExternalId());
      data.put("answer", answer.name().toLowerCase(Locale.ROOT));
      if (stored != null) {
        data.put("option", stored);
      }
      integrations.fire(
          new IntegrationEvent(
              TenantContext.require().id(),
              IntegrationEvent.OUTREACH_RESPONDED,
              "case_" + row.getCase().getId(),
              data,
              clock.instant()));
    }
    em.flush();
    em.clear();
    return show(message(messageId));
  }

  /**
   * The customer followed the offer's link: a click, and where to send them; empty when the
   * message's case has no offer for them.
   */
  Optional<String> offerClicked(long messageId) {
    OutreachMessage message = message(messageId);
    return offerOf(message)
        .map(
            o -> {
              offers.record(
                  o.getId(),
                  message.getCaseId(),
                  messageId,
                  OfferService.Stage.CLICKED,
                  clock.instant());
              return o.getLink();
            });
  }

  /** The customer takes the offer: accepted once, with its revenue, noted on the case. */
  ActionPages.Page acceptOffer(long messageId) {
    OutreachMessage message = message(messageId);
    Offer offer =
        offerOf(message).orElseThrow(() -> new IllegalArgumentException("No offer to accept"));
    if (offers.record(
        offer.getId(),
        message.getCaseId(),
        messageId,
        OfferService.Stage.ACCEPTED,
        clock.instant())) {
      transitions.note(
          message.getCaseId(),
          "The customer accepted the offer "
              + offer.getTitle()
              + " ("
              + offer.getRevenue()
              + " "
              + offer.getCurrency()
              + ")");
    }
    em.flush();
    em.clear();
    return show(message(messageId));
  }

  private Optional<Offer> offerOf(OutreachMessage message) {
    return contexts.offerFor(
        cases.get(message.getCaseId()), customers.get(message.getCustomerId()));
  }

  ActionPages.Page rate(long messageId, int csat) {
    OutreachMessage message = message(messageId);
    if (update("csat = coalesce(csat, ?)", message, csat) == 1 && message.getCsat() == null) {
      transitions.note(message.getCaseId(), "The customer rated the help " + csat + " of 5");
    }
    em.flush();
    em.clear();
    return show(message(messageId));
  }

  ActionPages.Page consent(long messageId, boolean given) {
    OutreachMessage message = message(messageId);
    Boolean value = given;
    customers.consent(
        message.getCustomerId(),
        message.getChannel() == Channel.EMAIL ? value : null,
        message.getChannel() == Channel.SMS ? value : null);
    if (given) {
      update("opted_out_at = null, updated_at = ?", message, clock.instant());
    } else {
      update("opted_out_at = ?", message, clock.instant());
    }
    transitions.note(
        message.getCaseId(),
        given
            ? "The customer agreed to " + message.getChannel() + " messages again"
            : "The customer opted out of " + message.getChannel() + " messages");
    em.flush();
    em.clear();
    return show(message(messageId));
  }

  private void move(CaseRow row, ActionPages.Answer answer, String option) {
    long caseId = row.getCase().getId();
    switch (answer) {
      case ACCEPT -> transitions.confirm(caseId, "The customer accepted");
      case OPTION -> transitions.confirm(caseId, "The customer chose: " + option);
      case DECLINE -> transitions.respond(caseId, "The customer declined");
      case AGENT -> {
        transitions.respond(caseId, "The customer asked to talk to an agent");
        followUp(row, TaskWanted.TALK_TO_AGENT, 2);
      }
      case UNDO -> {
        transitions.respond(caseId, "The customer asked to undo the remedy");
        followUp(row, TaskWanted.DECLINED_REMEDY, 1);
      }
    }
  }

  /** An agent task for the playbook's follow-up team, due within the contact target. */
  private void followUp(CaseRow row, String kind, int priority) {
    String team =
        plans
            .find(row.getCase().getPlaybookId(), row.getCase().getPlaybookVersion())
            .map(OutreachPlan::followUpTeam)
            .orElseThrow();
    tasks.fire(
        new TaskWanted(
            row.getCase().getId(),
            kind,
            team,
            priority,
            clock.instant().plus(ContactWatch.TARGET),
            null));
  }

  /** The page; the message's link to itself reads as nothing there. */
  private ActionPages.Page show(OutreachMessage message) {
    CaseRow row = cases.get(message.getCaseId());
    Customer customer = customers.get(message.getCustomerId());
    TenantProfile tenant = tenants.find(TenantContext.require().slug()).orElseThrow();
    Map<String, Object> pageLinks =
        new HashMap<>(links.of(tenant.key().slug(), message.getId(), message.getCreatedAt()));
    pageLinks.put("action", "");
    Map<String, Object> context = contexts.forMessage(row, customer, pageLinks);
    @SuppressWarnings("unchecked")
    Map<String, Object> offer = (Map<String, Object>) context.get("offer");
    if (offer != null) {
      offers.record(
          (Long) offer.get("id"),
          row.getCase().getId(),
          message.getId(),
          OfferService.Stage.SHOWN,
          clock.instant());
    }
    OutreachMessage shown =
        em
            .createQuery(
                "select m from OutreachMessage m where m.caseId = :case"
                    + " and m.channel = io.forestall.kernel.Channel.ACTION_PAGE",
                OutreachMessage.class)
            .setParameter("case", message.getCaseId())
            .getResultList()
            .stream()
            .findFirst()
            .orElse(message);
    TemplateRenderer.Rendered rendered =
        TemplateRenderer.render(
            TemplateContent.fromJson(
                templates
                    .version(shown.getTemplateId(), shown.getTemplateVersion())
                    .orElseThrow()
                    .getContent()),
            customer.getLocale(),
            context);
    String title;
    String body;
    switch (shown.getChannel()) {
      case ACTION_PAGE -> {
        title = rendered.parts().get("title");
        // Checked when the template was saved, cleaned again here: the page is what counts.
        body = TenantHtml.clean(rendered.parts().get("body"));
      }
      case EMAIL -> {
        title = rendered.parts().get("subject");
        body = paragraphs(rendered.parts().get("text"));
      }
      default -> {
        title = tenant.name();
        body = paragraphs(rendered.parts().getOrDefault("text", ""));
      }
    }
    return new ActionPages.Page(
        tenant.name(),
        tenant.theme(),
        language(customer.getLocale(), tenant.locale()),
        row.getCase().getLevel(),
        title,
        body,
        options(row),
        message.getAnswer() == null ? null : ActionPages.Answer.valueOf(message.getAnswer()),
        message.getAnswerDetail(),
        message.getCsat(),
        message.getOptedOutAt() != null,
        message.getChannel(),
        offer == null ? null : (String) offer.get("title"),
        offer == null ? null : (String) offer.get("description"),
        offer != null && offers.reached(message.getId(), OfferService.Stage.ACCEPTED));
  }

  /** The self-service options a SELF_HEAL case offers. */
  private List<String> options(CaseRow row) {
    return plans
        .find(row.getCase().getPlaybookId(), row.getCase().getPlaybookVersion())
        .filter(p -> "SELF_HEAL".equals(p.level()))
        .map(OutreachPlan::options)
        .orElse(List.of());
  }

  private OutreachMessage message(long id) {
    OutreachMessage message = em.find(OutreachMessage.class, id);
    if (message == null
        || !message.getTenantId().equals(TenantContext.require().id())
        || !Set.of("SENT", "SENDING").contains(message.getState())) {
      throw new NotFoundException("Message", id);
    }
    return message;
  }

  private int update(String assignments, OutreachMessage message, Object value) {
    return em.createNativeQuery(
            "update outreach_message set " + assignments + " where id = ? and tenant_id = ?")
        .setParameter(1, value)
        .setParameter(2, message.getId())
        .setParameter(3, TenantContext.require().id())
        .executeUpdate();
  }

  /** Plain text as escaped HTML paragraphs. */
  private static String paragraphs(String text) {
    StringBuilder html = new StringBuilder();
    for (String paragraph : text.strip().split("\\R\\s*\\R")) {
      html.append("<p>")
          .append(
              paragraph
                  .replace("&", "&amp;")
                  .replace("<", "&lt;")
                  .replace(">", "&gt;")
                  .replace("\"", "&quot;")
                  .replaceAll("\\R", "<br>"))
          .append("</p>");
    }
    return html.toString();
  }

  private static String language(String customerLocale, String tenantLocale) {
    for (String locale : new String[] {customerLocale, tenantLocale}) {
      if (locale != null) {
        String language = Locale.forLanguageTag(locale.replace('_', '-')).getLanguage();
        if (LANGUAGES.contains(language)) {
          return language;
        }
      }
    }
    return "en";
  }
}
