package io.forestall.tenants;

/** A new tenant and its admin's one-time password, shown to the platform admin once. */
public record TenantCreated(long id, String slug, String adminUsername, String oneTimePassword) {}
