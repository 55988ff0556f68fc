package io.forestall.tenants;

/** Whether a tenant's users may work: suspended tenants see a notice page and nothing else. */
public enum TenantStatus {
  ACTIVE,
  SUSPENDED
}
