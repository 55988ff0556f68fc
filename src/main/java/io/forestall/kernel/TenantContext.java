package io.forestall.kernel;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The tenant the current thread works for. Set once at the edge (the request filter, a job) and
 * read by persistence to filter every query; never taken from request parameters.
 */
public final class TenantContext {

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

  public static <T> T call(TenantKey tenant, Supplier<T> work) {
    TenantKey previous = CURRENT.get();
    CURRENT.set(tenant);
    try {
      return work.get();
    } finally {
      restore(previous);
    }
  }

  /** Binds the tenant until {@link #clear()}; for filters that wrap a whole request. */
  public static void bind(TenantKey tenant) {
    CURRENT.set(tenant);
  }

  public static void clear() {
    CURRENT.remove();
  }

  private static void restore(TenantKey previous) {
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }
}
