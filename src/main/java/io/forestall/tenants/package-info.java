/**
 * Tenants: the businesses that use Forestall, their settings and their lifecycle (create, rename,
 * suspend), with their identities provisioned in Keycloak. Other features see a tenant only through
 * the kernel's {@link io.forestall.kernel.TenantDirectory}.
 */
package io.forestall.tenants;
