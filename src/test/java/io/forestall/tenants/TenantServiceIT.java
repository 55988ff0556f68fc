package io.forestall.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.kernel.AccessDeniedException;
import io.forestall.kernel.ConflictException;
import io.forestall.kernel.Role;
import io.forestall.testsupport.Api;
import io.forestall.testsupport.As;
import io.forestall.testsupport.Deployments;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tenant lifecycle against the real Keycloak: create with its admin, suspend, resume, rename. */
@ExtendWith(ArquillianExtension.class)
class TenantServiceIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.forestall(TenantServiceIT.class, KeycloakAdmin.class);
  }

  @Inject TenantService tenants;
  @Inject TenantRepository repository;

  private static String slug() {
    return "t" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void creatingATenantProvisionsItsGroupAndAdminInKeycloak() {
    String slug = slug();
    TenantCreated created =
        As.person(
            Role.PLATFORM_ADMIN,
            () ->
                tenants.create(
                    new NewTenant(
                        slug,
                        "Initech " + slug,
                        "Europe/Berlin",
                        "de",
                        slug + "-admin",
                        slug + "@example.com")));
    assertEquals(16, created.oneTimePassword().length());
    assertTrue(repository.findBySlug(slug).isPresent());

    var user = KeycloakAdmin.user(slug + "-admin");
    assertEquals(slug, user.getJsonObject("attributes").getJsonArray("tenant").getString(0));
    assertTrue(KeycloakAdmin.realmRoles(user.getString("id")).contains("tenant-admin"));
    assertTrue(KeycloakAdmin.groupExists(slug));
  }

  @Test
  void aKeycloakRefusalLeavesNoTenantRow() {
    String slug = slug();
    // acme-admin already exists in Keycloak, so provisioning fails after the row was written.
    assertThrows(
        ConflictException.class,
        () ->
            As.person(
                Role.PLATFORM_ADMIN,
                () ->
                    tenants.create(
                        new NewTenant(slug, "Dup", "UTC", "en", "acme-admin", "dup@example.com"))));
    assertFalse(repository.findBySlug(slug).isPresent());
  }

  @Test
  void badRequestsAndDuplicateSlugsAreRefused() {
    assertThrows(
        ConstraintViolationException.class,
        () ->
            As.person(
                Role.PLATFORM_ADMIN,
                () ->
                    tenants.create(
                        new NewTenant("Bad Slug!", "", "Nowhere/City", "fr", "x", "no"))));
    assertThrows(
        ConflictException.class,
        () ->
            As.person(
                Role.PLATFORM_ADMIN,
                () ->
                    tenants.create(
                        new NewTenant(
                            "acme", "Acme again", "UTC", "en", "someone", "a@example.com"))));
  }

  @Test
  void onlyThePlatformAdminManagesTenants() {
    long acme = As.tenant("acme").id();
    assertThrows(
        AccessDeniedException.class,
        () -> As.user("acme", Role.TENANT_ADMIN, () -> tenants.suspend(acme)));
    assertThrows(
        AccessDeniedException.class, () -> As.user("acme", Role.TENANT_ADMIN, () -> tenants.all()));
  }

  @Test
  void usersOfASuspendedTenantGetNothingUntilItResumes() {
    long globex = As.tenant("globex").id();
    String token = Api.token("globex-agent");
    assertEquals(200, Api.get("/api/v1/customers", token).status());
    As.person(
        Role.PLATFORM_ADMIN,
        () -> {
          tenants.suspend(globex);
          return null;
        });
    try {
      Api.Answer api = Api.get("/api/v1/customers", token);
      assertEquals(403, api.status());
      assertTrue(api.body().contains("suspended"));
      Api.Answer page = Api.get("/customers/list.xhtml", token);
      assertEquals(403, page.status());
      assertTrue(page.body().contains("noticeTitle"));
    } finally {
      As.person(
          Role.PLATFORM_ADMIN,
          () -> {
            tenants.resume(globex);
            return null;
          });
    }
    assertEquals(200, Api.get("/api/v1/customers", token).status());
  }

  @Test
  void renamingKeepsTheSlug() {
    long acme = As.tenant("acme").id();
    String before = repository.get(acme).getName();
    As.person(
        Role.PLATFORM_ADMIN,
        () -> {
          tenants.rename(acme, "Acme Telecom Renamed");
          return null;
        });
    assertEquals("Acme Telecom Renamed", repository.findBySlug("acme").orElseThrow().getName());
    As.person(
        Role.PLATFORM_ADMIN,
        () -> {
          tenants.rename(acme, before);
          return null;
        });
  }
}
