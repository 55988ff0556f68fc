package io.forestall.kernel;

/** What the edge needs to know of a tenant to admit a request and dress the screens. */
public record TenantProfile(
    TenantKey key, String name, boolean suspended, String theme, String locale, String timeZone) {}
