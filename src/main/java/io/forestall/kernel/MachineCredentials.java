package io.forestall.kernel;

import java.util.Optional;
import java.util.Set;

/**
 * Verifies a machine client's bearer credential (an API key); implemented by the integrations
 * feature.
 */
public interface MachineCredentials {

  /** What a valid key proves: its tenant, a name for logs, and the roles its scope grants. */
  record Machine(String tenantSlug, String name, Set<String> roles) {}

  /** The machine behind {@code credential}, or empty when it is no valid, unrevoked key. */
  Optional<Machine> verify(String credential);
}
