package io.forestall.tenants;

/**
 * The identity provider's side of a tenant: its group and users. A seam so tests can see what was
 * asked.
 */
public interface IdentityProvisioning {

  /**
   * Creates the tenant's group and its first admin (role {@code tenant-admin}, claim {@code
   * tenant}).
   *
   * @return the admin's one-time password, which they must change at first login
   */
  String provisionTenant(String slug, String name, String adminUsername, String adminEmail);
}
