package io.forestall.integrations;

import io.forestall.audit.AuditLog;
import io.forestall.audit.AuditState;
import io.forestall.kernel.Allowed;
import io.forestall.kernel.Caller;
import io.forestall.kernel.NotFoundException;
import io.forestall.kernel.Role;
import io.forestall.kernel.TenantContext;
import io.forestall.platform.crypto.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;

/**
 * A tenant admin's inbound webhook secrets: create (answered once), list, revoke. Creating and
 * revoking are audited without the secret.
 */
@ApplicationScoped
@Transactional
@Allowed(Role.TENANT_ADMIN)
public class InboundSecretService {

  static final String AUDIT_SUBJECT = "inbound-secret";

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject SecretBox box;
  @Inject WebhookSignatures signatures;
  @Inject AuditLog audit;

  /** A secret as created; its value is never shown again. */
  public record CreatedSecret(long id, String name, String secret) {}

  public CreatedSecret create(@NotBlank @Size(max = 80) String name) {
    Caller caller = requirePerson();
    String secret = WebhookSignatures.newSecret();
    InboundSecret stored =
        new InboundSecret(
            name.strip(),
            secret.substring(0, 12),
            box.encrypt(secret),
            caller.username(),
            clock.instant());
    em.persist(stored);
    em.flush();
    audit.record(AUDIT_SUBJECT, stored.getId(), stored.getName(), "created", null, state(stored));
    signatures.forget(TenantContext.require().id());
    return new CreatedSecret(stored.getId(), stored.getName(), secret);
  }

  public List<InboundSecret> list() {
    requirePerson();
    return em.createQuery(
            "select s from InboundSecret s order by s.createdAt desc", InboundSecret.class)
        .getResultList();
  }

  public void revoke(long id) {
    requirePerson();
    InboundSecret secret =
        em
            .createQuery("select s from InboundSecret s where s.id = :id", InboundSecret.class)
            .setParameter("id", id)
            .getResultList()
            .stream()
            .findFirst()
            .orElseThrow(() -> new NotFoundException("Inbound secret", id));
    boolean wasActive = secret.isActive();
    String before = state(secret);
    secret.revoke(clock.instant());
    signatures.forget(TenantContext.require().id());
    if (wasActive) {
      audit.record(AUDIT_SUBJECT, id, secret.getName(), "revoked", before, state(secret));
    }
  }

  /** What the audit log keeps of a secret: never the secret, sealed or not. */
  private static String state(InboundSecret secret) {
    return AuditState.of()
        .with("name", secret.getName())
        .with("prefix", secret.getPrefix())
        .with("createdBy", secret.getCreatedBy())
        .with("createdAt", secret.getCreatedAt())
        .with("revokedAt", secret.getRevokedAt())
        .json();
  }

  private static Caller requirePerson() {
    return Caller.requirePerson("Secrets are managed with a person's sign-in, not with a key");
  }
}
