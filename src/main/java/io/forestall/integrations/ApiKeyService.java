package io.forestall.integrations;

import io.forestall.audit.AuditLog;
import io.forestall.audit.AuditState;
import io.forestall.kernel.Allowed;
import io.forestall.kernel.Caller;
import io.forestall.kernel.NotFoundException;
import io.forestall.kernel.Role;
import io.forestall.platform.crypto.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;

/**
 * A tenant admin's API keys: create (the key is answered once), list, revoke. Keys are managed by
 * people only, never by another key. Creating and revoking are audited without the key or its hash.
 */
@ApplicationScoped
@Transactional
@Allowed(Role.TENANT_ADMIN)
public class ApiKeyService {

  static final String PREFIX = "fsk_";
  static final String AUDIT_SUBJECT = "api-key";

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject ApiKeyCredentials credentials;
  @Inject AuditLog audit;

  /** A key as created: the only moment its secret value exists outside the caller's hands. */
  public record CreatedKey(long id, String name, ApiKeyScope scope, String key) {}

  public CreatedKey create(@NotBlank @Size(max = 80) String name, @NotNull ApiKeyScope scope) {
    Caller caller = requirePerson();
    String key = PREFIX + SecretBox.randomToken(32);
    ApiKey apiKey =
        new ApiKey(
            name.strip(),
            key.substring(0, 12),
            SecretBox.sha256Hex(key),
            scope,
            caller.username(),
            clock.instant());
    em.persist(apiKey);
    em.flush();
    audit.record(AUDIT_SUBJECT, apiKey.getId(), apiKey.getName(), "created", null, state(apiKey));
    return new CreatedKey(apiKey.getId(), apiKey.getName(), scope, key);
  }

  public List<ApiKey> list() {
    requirePerson();
    return em.createQuery("select k from ApiKey k order by k.createdAt desc", ApiKey.class)
        .getResultList();
  }

  public void revoke(long id) {
    requirePerson();
    ApiKey key =
        em
            .createQuery("select k from ApiKey k where k.id = :id", ApiKey.class)
            .setParameter("id", id)
            .getResultList()
            .stream()
            .findFirst()
            .orElseThrow(() -> new NotFoundException("API key", id));
    boolean wasActive = key.isActive();
    String before = state(key);
    key.revoke(clock.instant());
    credentials.forget(key.getKeyHash());
    if (wasActive) {
      audit.record(AUDIT_SUBJECT, id, key.getName(), "revoked", before, state(key));
    }
  }

  /** What the audit log keeps of a key: never the key or its hash. */
  private static String state(ApiKey key) {
    return AuditState.of()
        .with("name", key.getName())
        .with("scope", key.getScope())
        .with("prefix", key.getPrefix())
        .with("createdBy", key.getCreatedBy())
        .with("createdAt", key.getCreatedAt())
        .with("revokedAt", key.getRevokedAt())
        .json();
  }

  private static Caller requirePerson() {
    return Caller.requirePerson("API keys are managed with a person's sign-in, not with a key");
  }
}
