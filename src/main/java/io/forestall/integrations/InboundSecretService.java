package io.forestall.integrations;

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

/** A tenant admin's inbound webhook secrets: create (answered once), list, revoke. */
@ApplicationScoped
@Transactional
@Allowed(Role.TENANT_ADMIN)
public class InboundSecretService {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject SecretBox box;
  @Inject WebhookSignatures signatures;

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
    secret.revoke(clock.instant());
    signatures.forget(TenantContext.require().id());
  }

  private static Caller requirePerson() {
    return Caller.requirePerson("Secrets are managed with a person's sign-in, not with a key");
  }
}
