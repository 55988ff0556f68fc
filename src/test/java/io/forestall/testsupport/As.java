package io.forestall.testsupport;

import io.forestall.kernel.Caller;
import io.forestall.kernel.TenantContext;
import io.forestall.kernel.TenantDirectory;
import io.forestall.kernel.TenantKey;
import jakarta.enterprise.inject.spi.CDI;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs in-container test code as a given user of a given tenant, the way the request filter would.
 */
public final class As {

  private As() {}

  public static TenantKey tenant(String slug) {
    return CDI.current()
        .select(TenantDirectory.class)
        .get()
        .find(slug)
        .orElseThrow(() -> new IllegalStateException("No tenant " + slug))
        .key();
  }

  public static <T> T user(String slug, String role, Supplier<T> work) {
    Caller caller = Caller.person(slug + "-" + role, slug + " " + role, Set.of(role));
    return Caller.callAs(caller, () -> TenantContext.call(tenant(slug), work));
  }

  public static void user(String slug, String role, Runnable work) {
    user(
        slug,
        role,
        () -> {
          work.run();
          return null;
        });
  }

  /** A person with a role but no tenant, such as the platform admin. */
  public static <T> T person(String role, Supplier<T> work) {
    return Caller.callAs(Caller.person(role, role, Set.of(role)), work);
  }
}
