package io.forestall.outreach;

import io.forestall.audit.AuditLog;
import io.forestall.kernel.Allowed;
import io.forestall.kernel.Caller;
import io.forestall.kernel.Channel;
import io.forestall.kernel.ConflictException;
import io.forestall.kernel.NotFoundException;
import io.forestall.kernel.Role;
import io.forestall.kernel.Violation;
import io.forestall.kernel.ViolationException;
import io.forestall.playbooks.TemplateCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The current tenant's message templates: drafts saved freely, published as numbered immutable
 * versions once every variable is known. Every change is audited.
 */
@ApplicationScoped
@Transactional
@Allowed({Role.TENANT_ADMIN, Role.AGENT, Role.VIEWER})
public class TemplateService implements TemplateCatalog {

  static final String AUDIT_SUBJECT = "template";
  private static final Pattern LOCALE = Pattern.compile("[a-z]{2}(-[A-Z]{2})?");
  private static final int MAX_PART = 10_000;

  @PersistenceContext EntityManager em;
  @Inject AuditLog audit;
  @Inject MessageContexts contexts;
  @Inject Clock clock;

  public List<MessageTemplate> list() {
    return em.createQuery("select t from MessageTemplate t order by t.name", MessageTemplate.class)
        .getResultList();
  }

  @Override
  public Map<Channel, List<TemplateCatalog.Choice>> published() {
    return em
        .createQuery(
            "select t from MessageTemplate t where t.publishedVersion is not null order by t.name",
            MessageTemplate.class)
        .getResultList()
        .stream()
        .collect(
            Collectors.groupingBy(
                MessageTemplate::getChannel,
                Collectors.mapping(
                    t ->
                        new TemplateCatalog.Choice(t.getId(), t.getName(), t.getPublishedVersion()),
                    Collectors.toList())));
  }

  @Override
  public Optional<String> unusable(long id, Channel channel) {
    MessageTemplate template = em.find(MessageTemplate.class, id);
    if (template == null) {
      return Optional.of("there is no template " + id);
    }
    if (template.getChannel() != channel) {
      return Optional.of("template " + id + " is for " + template.getChannel());
    }
    if (template.getPublishedVersion() == null) {
      return Optional.of("template " + id + " has no published version yet");
    }
    return Optional.empty();
  }

  public MessageTemplate get(long id) {
    MessageTemplate template = em.find(MessageTemplate.class, id);
    if (template == null) {
      throw new NotFoundException("Template", id);
    }
    return template;
  }

  /** Newest first. */
  public List<TemplateVersion> versions(long templateId) {
    get(templateId);
    return em.createQuery(
            "select v from TemplateVersion v where v.templateId = :id order by v.number desc",
            TemplateVersion.class)
        .setParameter("id", templateId)
        .getResultList();
  }

  @Allowed({Role.TENANT_ADMIN, Role.AGENT, Role.VIEWER, Role.CUSTOMER})
  public Optional<TemplateVersion> version(long templateId, int number) {
    return em
        .createQuery(
            "select v from TemplateVersion v where v.templateId = :id and v.number = :number",
            TemplateVersion.class)
        .setParameter("id", templateId)
        .setParameter("number", number)
        .getResultList()
        .stream()
        .findFirst();
  }

  @Allowed(Role.TENANT_ADMIN)
  public MessageTemplate create(String name, TemplateContent content) {
    String clean = checkShape(name, content);
    requireUniqueName(clean, null);
    MessageTemplate template = new MessageTemplate(clean, content, clock.instant());
    em.persist(template);
    em.flush();
    audit.record(AUDIT_SUBJECT, template.getId(), clean, "created", null, template.getDraft());
    return template;
  }

  /** Replaces the draft; messages keep using the published version until the next publish. */
  @Allowed(Role.TENANT_ADMIN)
  public MessageTemplate update(long id, String name, TemplateContent content) {
    MessageTemplate template = get(id);
    if (content.channel() != template.getChannel()) {
      throw new ConflictException("A template's channel cannot change; create another template");
    }
    String clean = checkShape(name, content);
    requireUniqueName(clean, id);
    String before = template.getDraft();
    String after = content.toJson();
    if (!before.equals(after) || !clean.equals(template.getName())) {
      template.edit(clean, after, clock.instant());
      audit.record(AUDIT_SUBJECT, id, clean, "draft edited", before, after);
    }
    return template;
  }

  /** Freezes the draft as the next version, once nothing in it is unknown. */
  @Allowed(Role.TENANT_ADMIN)
  public TemplateVersion publish(long id) {
    MessageTemplate template = get(id);
    List<Violation> violations = TemplateRenderer.check(template.content());
    if (!violations.isEmpty()) {
      throw new ViolationException("template", violations);
    }
    Integer current = template.getPublishedVersion();
    if (current != null
        && version(id, current)
            .map(v -> v.getContent().equals(template.getDraft()))
            .orElse(false)) {
      throw new ConflictException(
          "The draft is the same as version " + current + "; change it first");
    }
    int number = current == null ? 1 : current + 1;
    Instant now = clock.instant();
    String by = Caller.current().map(Caller::displayName).orElse("Forestall");
    TemplateVersion version = new TemplateVersion(id, number, template.getDraft(), now, by);
    em.persist(version);
    template.published(number, now);
    audit.record(
        AUDIT_SUBJECT,
        id,
        template.getName(),
        "published version " + number,
        current == null ? null : version(id, current).map(TemplateVersion::getContent).orElse(null),
        template.getDraft());
    return version;
  }

  /** {@code content} rendered for one of the tenant's cases, in its customer's language. */
  public TemplateRenderer.Rendered preview(TemplateContent content, long caseId) {
    List<Violation> violations = TemplateRenderer.check(content);
    if (!violations.isEmpty()) {
      throw new ViolationException("template", violations);
    }
    Map<String, Object> context = contexts.forCase(caseId);
    @SuppressWarnings("unchecked")
    Map<String, Object> customer = (Map<String, Object>) context.get("customer");
    return TemplateRenderer.render(content, (String) customer.get("locale"), context);
  }

  /** Name and locales: what a draft needs to be stored at all. Returns the stripped name. */
  private static String checkShape(String name, TemplateContent content) {
    List<Violation> violations = new ArrayList<>();
    String clean = name == null ? "" : name.strip();
    if (clean.isEmpty() || clean.length() > 120) {
      violations.add(new Violation("/name", "is required, at most 120 characters"));
    }
    if (!LOCALE.matcher(content.fallbackLocale()).matches()) {
      violations.add(new Violation("/fallbackLocale", "must be a locale as en or de-AT"));
    }
    content
        .variants()
        .forEach(
            (locale, parts) -> {
              if (!LOCALE.matcher(locale).matches()) {
                violations.add(
                    new Violation("/variants/" + locale, "is not a locale as en or de-AT"));
              }
              parts.forEach(
                  (part, text) -> {
                    if (text.length() > MAX_PART) {
                      violations.add(
                          new Violation(
                              "/variants/" + locale + "/" + part,
                              "is longer than " + MAX_PART + " characters"));
                    }
                  });
            });
    if (!violations.isEmpty()) {
      throw new ViolationException("template", violations);
    }
    return clean;
  }

  private void requireUniqueName(String name, Long self) {
    List<Long> same =
        em.createQuery(
                "select t.id from MessageTemplate t where lower(t.name) = lower(:name)", Long.class)
            .setParameter("name", name)
            .getResultList();
    if (same.stream().anyMatch(other -> !other.equals(self))) {
      throw new ConflictException("A template named '" + name + "' exists");
    }
  }
}
