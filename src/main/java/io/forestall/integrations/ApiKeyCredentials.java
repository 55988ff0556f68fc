package io.forestall.integrations;

import io.forestall.kernel.MachineCredentials;
import io.forestall.platform.crypto.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies API keys for the request filter. A verified key is remembered for a few seconds so an
 * ingest burst costs no lookup per request; revoking on this node forgets it at once, other nodes
 * within {@link #REMEMBER}. The last-used time is written at most once a minute per key.
 */
@ApplicationScoped
class ApiKeyCredentials implements MachineCredentials {

  static final Duration REMEMBER = Duration.ofSeconds(10);
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private record Known(long id, Machine machine, Instant expires, Instant touched) {}

  private final Map<String, Known> known = new ConcurrentHashMap<>();

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  @Override
  @Transactional
  public Optional<Machine> verify(String credential) {
    if (!credential.startsWith(ApiKeyService.PREFIX) || credential.length() > 100) {
      return Optional.empty();
    }
    String hash = SecretBox.sha256Hex(credential);
    Instant now = clock.instant();
    Known hit = known.get(hash);
    if (hit == null || hit.expires().isBefore(now)) {
      hit = load(hash, now, hit == null ? Instant.EPOCH : hit.touched());
      if (hit == null) {
        known.remove(hash);
        return Optional.empty();
      }
    }
    if (hit.touched().plus(TOUCH_EVERY).isBefore(now)) {
      em.createNativeQuery("update api_key set last_used_at = ?1 where id = ?2")
          .setParameter(1, now)
          .setParameter(2, hit.id())
          .executeUpdate();
      hit = new Known(hit.id(), hit.machine(), hit.expires(), now);
    }
    known.put(hash, hit);
    return Optional.of(hit.machine());
  }

  void forget(String hash) {
    known.remove(hash);
  }

  /**
   * Keys are looked up before any tenant is known, so this query is deliberately not
   * tenant-filtered.
   */
  private Known load(String hash, Instant now, Instant touched) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select k.id, t.slug, k.name, k.scope from api_key k join tenant t on t.id = k.tenant_id"
                    + " where k.key_hash = ?1 and k.revoked_at is null")
            .setParameter(1, hash)
            .getResultList();
    if (rows.isEmpty()) {
      return null;
    }
    Object[] row = rows.get(0);
    ApiKeyScope scope = ApiKeyScope.valueOf((String) row[3]);
    Machine machine = new Machine((String) row[1], "api-key:" + row[2], scope.roles());
    return new Known(((Number) row[0]).longValue(), machine, now.plus(REMEMBER), touched);
  }
}
