package io.forestall.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class CallerTest {

  @Test
  void rolesAreCheckedAndTheSystemPassesEveryCheck() {
    Caller agent = Caller.person("a", "A", Set.of(Role.AGENT));
    assertTrue(agent.hasAnyRole(Role.TENANT_ADMIN, Role.AGENT));
    assertFalse(agent.hasAnyRole(Role.PLATFORM_ADMIN));
    assertTrue(Caller.SYSTEM.hasAnyRole(Role.PLATFORM_ADMIN));
  }

  @Test
  @Tag("security")
  void aCustomerHoldingALinkHasItsOwnRoleAndNotTheSystemsRights() {
    Caller customer = Caller.customer("Nora");
    assertTrue(customer.hasAnyRole(Role.CUSTOMER));
    for (String role : List.of(Role.TENANT_ADMIN, Role.AGENT, Role.VIEWER, Role.PLATFORM_ADMIN)) {
      assertFalse(customer.hasAnyRole(role), role);
    }
    assertFalse(customer.isPerson());
  }

  @Test
  void contextsNestAndRestore() {
    TenantKey acme = new TenantKey(1, "acme");
    TenantKey globex = new TenantKey(2, "globex");
    TenantContext.run(
        acme,
        () -> {
          TenantContext.run(globex, () -> assertEquals(globex, TenantContext.require()));
          assertEquals(acme, TenantContext.require());
        });
    assertTrue(TenantContext.current().isEmpty());
  }
}
