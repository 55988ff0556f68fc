package io.forestall.kernel;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Who is calling in the current unit of work: a person signed in through Keycloak or a machine
 * client with an API key. Jobs run as {@link #SYSTEM}, which passes every role check because no
 * outside input reaches it.
 */
public record Caller(String username, String displayName, Set<String> roles, Kind kind) {

  /** How the caller proved who it is. */
  public enum Kind {
    PERSON,
    MACHINE,
    CUSTOMER,
    SYSTEM
  }

  public static final Caller SYSTEM = new Caller("system", "Forestall", Set.of(), Kind.SYSTEM);

  private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

  public Caller {
    roles = Set.copyOf(roles);
  }

  public static Caller person(String username, String displayName, Set<String> roles) {
    return new Caller(username, displayName, roles, Kind.PERSON);
  }

  public static Caller machine(String name, Set<String> roles) {
    return new Caller(name, name, roles, Kind.MACHINE);
  }

  /**
   * A customer acting through a signed action page link, under their own name, with the one role
   * that lets the page show its message and record the answer: never the system's rights.
   */
  public static Caller customer(String name) {
    return new Caller("customer", name, Set.of(Role.CUSTOMER), Kind.CUSTOMER);
  }

  public boolean isPerson() {
    return kind == Kind.PERSON;
  }

  public boolean hasAnyRole(String... wanted) {
    if (kind == Kind.SYSTEM) {
      return true;
    }
    for (String role : wanted) {
      if (roles.contains(role)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The current caller if it is a person; machines get an AccessDeniedException saying {@code why}.
   */
  public static Caller requirePerson(String why) {
    Caller caller = current().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    if (!caller.isPerson()) {
      throw new AccessDeniedException(why);
    }
    return caller;
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
