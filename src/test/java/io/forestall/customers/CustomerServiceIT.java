package io.forestall.customers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.kernel.AccessDeniedException;
import io.forestall.kernel.ConflictException;
import io.forestall.kernel.NotFoundException;
import io.forestall.kernel.Role;
import io.forestall.testsupport.As;
import io.forestall.testsupport.Deployments;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.validation.ConstraintViolationException;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The customer service in the server: tenant isolation, roles and validation. */
@ExtendWith(ArquillianExtension.class)
class CustomerServiceIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.forestall(CustomerServiceIT.class);
  }

  @Inject CustomerService customers;

  private static CustomerDraft draft(String externalId) {
    return new CustomerDraft(
        externalId,
        "Test Person",
        "test@example.com",
        "+4915100000001",
        "de",
        "Europe/Berlin",
        Json.createObjectBuilder().add("plan", "gold").build(),
        true,
        false);
  }

  private static String uniqueId() {
    return "T-" + UUID.randomUUID();
  }

  @Test
  void anotherTenantSeesNothingOfACustomer() {
    String externalId = uniqueId();
    long id = As.user("acme", Role.TENANT_ADMIN, () -> customers.create(draft(externalId)).getId());

    As.user(
        "globex",
        Role.TENANT_ADMIN,
        () -> {
          assertThrows(NotFoundException.class, () -> customers.get(id));
          assertTrue(customers.findByExternalId(externalId).isEmpty());
          CustomerQuery search = new CustomerQuery(externalId, null, true, 0, 50);
          assertEquals(0, customers.count(search));
          assertTrue(customers.list(search).isEmpty());
          assertThrows(NotFoundException.class, () -> customers.update(id, draft(externalId)));
          // The same external id is free in another tenant: an upsert makes globex its own
          // customer.
          assertTrue(customers.upsert(draft(externalId)).created());
        });

    As.user(
        "acme",
        Role.AGENT,
        () -> {
          Customer own = customers.get(id);
          assertEquals("Test Person", own.getName());
          assertEquals(1, customers.count(new CustomerQuery(externalId, null, true, 0, 50)));
        });
  }

  @Test
  void viewersReadButDoNotWrite() {
    String externalId = uniqueId();
    As.user("acme", Role.AGENT, () -> customers.create(draft(externalId)));
    As.user(
        "acme",
        Role.VIEWER,
        () -> {
          assertTrue(customers.findByExternalId(externalId).isPresent());
          assertThrows(AccessDeniedException.class, () -> customers.create(draft(uniqueId())));
          assertThrows(AccessDeniedException.class, () -> customers.upsert(draft(externalId)));
        });
  }

  @Test
  void aPlatformAdminWithoutTenantReadsNoCustomers() {
    assertThrows(
        AccessDeniedException.class,
        () -> As.person(Role.PLATFORM_ADMIN, () -> customers.count(CustomerQuery.firstPage(10))));
  }

  @Test
  void invalidDraftsAreRejectedWithoutARow() {
    String externalId = uniqueId();
    CustomerDraft bad =
        new CustomerDraft(
            externalId, "X", "not-an-email", "12345", "english", "Mars/Olympus", null, null, null);
    As.user(
        "acme",
        Role.TENANT_ADMIN,
        () -> {
          ConstraintViolationException failure =
              assertThrows(ConstraintViolationException.class, () -> customers.create(bad));
          assertEquals(4, failure.getConstraintViolations().size());
          assertFalse(customers.findByExternalId(externalId).isPresent());
        });
  }

  @Test
  void externalIdsAreUniquePerTenantAndUpsertUpdates() {
    String externalId = uniqueId();
    As.user(
        "acme",
        Role.TENANT_ADMIN,
        () -> {
          customers.create(draft(externalId));
          assertThrows(ConflictException.class, () -> customers.create(draft(externalId)));
          CustomerDraft rename =
              new CustomerDraft(externalId, "Renamed", null, null, null, null, null, null, true);
          CustomerService.Upserted result = customers.upsert(rename);
          assertFalse(result.created());
          Customer updated = customers.findByExternalId(externalId).orElseThrow();
          assertEquals("Renamed", updated.getName());
          assertEquals("test@example.com", updated.getEmail(), "fields the draft omits are kept");
          assertTrue(updated.isConsentSms());
        });
  }
}
