package io.forestall.kernel;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Who is calling in the current unit of work: a person signed in through Keycloak or a machine
 * client. Jobs run with {@link #SYSTEM}, which passes every role check because no outside input
 * reaches it.
 */
public record Caller(String username, String displayName, Set<String> roles, boolean system) {

  public static final Caller SYSTEM = new Caller("system", "Forestall", Set.of(), true);

  private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

  public Caller {
    roles = Set.copyOf(roles);
  }

  public static Caller person(String username, String displayName, Set<String> roles) {
    return new Caller(username, displayName, roles, false);
  }

  public boolean hasAnyRole(String... wanted) {
    if (system) {
      return true;
    }
    for (String role : wanted) {
      if (roles.contains(role)) {
        return true;
      }
    }
    return false;
  }

  public static Optional<Caller> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  public static <T> T callAs(Caller caller, Supplier<T> work) {
    Caller previous = CURRENT.get();
    CURRENT.set(caller);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  public static void runAs(Caller caller, Runnable work) {
    callAs(
        caller,
        () -> {
          work.run();
          return null;
        });
  }

  /** Binds the caller until {@link #clear()}; for filters that wrap a whole request. */
  public static void bind(Caller caller) {
    CURRENT.set(caller);
  }

  public static void clear() {
    CURRENT.remove();
  }
}
