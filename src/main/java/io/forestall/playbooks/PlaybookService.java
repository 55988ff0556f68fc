package io.forestall.playbooks;

import io.forestall.audit.AuditLog;
import io.forestall.kernel.Allowed;
import io.forestall.kernel.Caller;
import io.forestall.kernel.ConflictException;
import io.forestall.kernel.NotFoundException;
import io.forestall.kernel.Role;
import io.forestall.kernel.Violation;
import io.forestall.kernel.ViolationException;
import io.forestall.offers.OfferService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The current tenant's playbooks: drafts edited freely, published as numbered immutable versions,
 * paused, resumed, archived. Every change is audited and keeps the scan schedule in step.
 */
@ApplicationScoped
@Transactional
@Allowed({Role.TENANT_ADMIN, Role.AGENT, Role.VIEWER})
public class PlaybookService {

  static final String AUDIT_SUBJECT = "playbook";

  @PersistenceContext EntityManager em;
  @Inject AuditLog audit;
  @Inject Event<ScheduleChanged> schedules;
  @Inject TemplateCatalog templates;
  @Inject OfferService offers;
  @Inject Clock clock;

  public List<Playbook> list() {
    return em.createQuery(
            "select p from Playbook p order by case when p.status = io.forestall.playbooks.PlaybookStatus.ARCHIVED then 1 else 0 end,"
                + " p.name",
            Playbook.class)
        .getResultList();
  }

  public Playbook get(long id) {
    Playbook playbook = em.find(Playbook.class, id);
    if (playbook == null) {
      throw new NotFoundException("Playbook", id);
    }
    return playbook;
  }

  public PlaybookDefinition draft(Playbook playbook) {
    return DefinitionJson.parse(playbook.getDraft());
  }

  public Optional<PlaybookVersion> published(Playbook playbook) {
    return playbook.getPublishedVersion() == null
        ? Optional.empty()
        : version(playbook.getId(), playbook.getPublishedVersion());
  }

  public Optional<PlaybookVersion> version(long playbookId, int number) {
    return em
        .createQuery(
            "select v from PlaybookVersion v where v.playbookId = :id and v.number = :number",
            PlaybookVersion.class)
        .setParameter("id", playbookId)
        .setParameter("number", number)
        .getResultList()
        .stream()
        .findFirst();
  }

  /** Newest first. */
  public List<PlaybookVersion> versions(long playbookId) {
    get(playbookId);
    return em.createQuery(
            "select v from PlaybookVersion v where v.playbookId = :id order by v.number desc",
            PlaybookVersion.class)
        .setParameter("id", playbookId)
        .getResultList();
  }

  /** Whether the draft differs from the published version (or nothing is published yet). */
  public boolean hasUnpublishedChanges(Playbook playbook) {
    return playbook.differsFrom(published(playbook));
  }

  @Allowed(Role.TENANT_ADMIN)
  public Playbook create(PlaybookDefinition definition) {
    check(definition);
    requireUniqueName(definition.name().strip(), null);
    Instant now = clock.instant();
    Playbook playbook = new Playbook(definition.name().strip(), json(definition), now);
    em.persist(playbook);
    em.flush();
    audit.record(
        AUDIT_SUBJECT, playbook.getId(), playbook.getName(), "created", null, playbook.getDraft());
    return playbook;
  }

  /** Replaces the draft; the published version keeps scanning until the next publish. */
  @Allowed(Role.TENANT_ADMIN)
  public Playbook update(long id, PlaybookDefinition definition) {
    Playbook playbook = get(id);
    if (playbook.getStatus() == PlaybookStatus.ARCHIVED) {
      throw new ConflictException("Playbook " + id + " is archived; it cannot be edited");
    }
    check(definition);
    requireUniqueName(definition.name().strip(), id);
    String before = playbook.getDraft();
    String after = json(definition);
    if (!before.equals(after)) {
      playbook.editDraft(definition.name().strip(), after, clock.instant());
      audit.record(AUDIT_SUBJECT, id, playbook.getName(), "draft edited", before, after);
    }
    return playbook;
  }

  /** Freezes the draft as the next version and schedules its scans. */
  @Allowed(Role.TENANT_ADMIN)
  public PlaybookVersion publish(long id) {
    Playbook playbook = get(id);
    if (playbook.getStatus() == PlaybookStatus.ARCHIVED) {
      throw new ConflictException("Playbook " + id + " is archived; it cannot be published");
    }
    PlaybookDefinition definition = draft(playbook);
    check(definition);
    if (!hasUnpublishedChanges(playbook)) {
      throw new ConflictException(
          "The draft is the same as version "
              + playbook.getPublishedVersion()
              + "; change it first");
    }
    int number = playbook.getPublishedVersion() == null ? 1 : playbook.getPublishedVersion() + 1;
    Instant now = clock.instant();
    String by = Caller.current().map(Caller::displayName).orElse("Forestall");
    PlaybookVersion version =
        new PlaybookVersion(playbook.getId(), number, playbook.getDraft(), now, by);
    em.persist(version);
    playbook.published(number, now);
    audit.record(
        AUDIT_SUBJECT,
        id,
        playbook.getName(),
        "published version " + number,
        published(number - 1, id),
        playbook.getDraft());
    if (playbook.getStatus() == PlaybookStatus.ACTIVE) {
      schedules.fire(new ScheduleChanged(playbook.getId(), definition.schedule()));
    }
    return version;
  }

  @Allowed(Role.TENANT_ADMIN)
  public Playbook pause(long id) {
    Playbook playbook = get(id);
    if (playbook.getStatus() != PlaybookStatus.ACTIVE) {
      throw new ConflictException(
          "Only an active playbook can be paused; this one is " + playbook.getStatus());
    }
    return changeStatus(playbook, PlaybookStatus.PAUSED, "paused");
  }

  @Allowed(Role.TENANT_ADMIN)
  public Playbook resume(long id) {
    Playbook playbook = get(id);
    if (playbook.getStatus() != PlaybookStatus.PAUSED) {
      throw new ConflictException(
          "Only a paused playbook can be resumed; this one is " + playbook.getStatus());
    }
    changeStatus(playbook, PlaybookStatus.ACTIVE, "resumed");
    published(playbook)
        .ifPresent(
            v ->
                schedules.fire(
                    new ScheduleChanged(id, DefinitionJson.parse(v.getDefinition()).schedule())));
    return playbook;
  }

  @Allowed(Role.TENANT_ADMIN)
  public Playbook archive(long id) {
    Playbook playbook = get(id);
    if (playbook.getStatus() == PlaybookStatus.ARCHIVED) {
      return playbook;
    }
    return changeStatus(playbook, PlaybookStatus.ARCHIVED, "archived");
  }

  private Playbook changeStatus(Playbook playbook, PlaybookStatus status, String action) {
    String before = playbook.getStatus().name();
    playbook.status(status, clock.instant());
    if (status != PlaybookStatus.ACTIVE) {
      schedules.fire(new ScheduleChanged(playbook.getId(), null));
    }
    audit.record(
        AUDIT_SUBJECT, playbook.getId(), playbook.getName(), action, before, status.name());
    return playbook;
  }

  private String published(int number, long id) {
    return number < 1 ? null : version(id, number).map(PlaybookVersion::getDefinition).orElse(null);
  }

  private void requireUniqueName(String name, Long self) {
    List<Long> same =
        em.createQuery("select p.id from Playbook p where lower(p.name) = lower(:name)", Long.class)
            .setParameter("name", name)
            .getResultList();
    if (same.stream().anyMatch(other -> !other.equals(self))) {
      throw new ConflictException("A playbook named '" + name + "' exists");
    }
  }

  /**
   * The definition's rules, that each message names a published template of its channel, and that
   * its offer exists.
   */
  private void check(PlaybookDefinition definition) {
    List<Violation> violations = new ArrayList<>(DefinitionRules.check(definition));
    definition
        .messages()
        .forEach(
            (channel, id) ->
                templates
                    .unusable(id, channel)
                    .ifPresent(
                        why -> violations.add(new Violation("/messages/" + channel.name(), why))));
    if (definition.offerId() != null && offers.find(definition.offerId()).isEmpty()) {
      violations.add(new Violation("/offer", "there is no offer " + definition.offerId()));
    }
    if (!violations.isEmpty()) {
      throw new ViolationException("playbook", violations);
    }
  }

  private static String json(PlaybookDefinition definition) {
    return DefinitionJson.write(definition).toString();
  }
}
