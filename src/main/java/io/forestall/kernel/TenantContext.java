package io.forestall.kernel;

import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.MDC;

/**
 * The tenant the current thread works for. Set once at the edge (the request filter, a job) and
 * read by persistence to filter every query; never taken from request parameters. Its slug is the
 * {@value #LOG_KEY} of every log line written meanwhile.
 */
public final class TenantContext {

  /** The log context (MDC) key of the tenant's slug. */
  public static final String LOG_KEY = "tenant";

  private static final ThreadLocal<TenantKey> CURRENT = new ThreadLocal<>();

  private TenantContext() {}

  public static Optional<TenantKey> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** The current tenant, or an {@link AccessDeniedException} when this unit of work has none. */
  public static TenantKey require() {
    return current().orElseThrow(() -> new AccessDeniedException("No tenant in this context"));
  }

  public static void run(TenantKey tenant, Runnable work) {
    call(
        tenant,
        () -> {
          work.run();
          return null;
        });
  }

  /** Background work (a job, a dispatcher) for one tenant: as the system, in that tenant. */
  public static void runAsSystem(TenantKey tenant, Runnable work) {
    Caller.runAs(Caller.SYSTEM, () -> run(tenant, work));
  }

  public static <T> T call(TenantKey tenant, Supplier<T> work) {
    TenantKey previous = CURRENT.get();
    bind(tenant);
    try {
      return work.get();
    } finally {
      bind(previous);
    }
  }

  /**
   * Binds the tenant (none when {@code null}) until {@link #clear()}; for filters that wrap a whole
   * request.
   */
  public static void bind(TenantKey tenant) {
    if (tenant == null) {
      clear();
      return;
    }
    CURRENT.set(tenant);
    MDC.put(LOG_KEY, tenant.slug());
  }

  public static void clear() {
    CURRENT.remove();
    MDC.remove(LOG_KEY);
  }
}
