package io.forestall.kernel;

/**
 * What the edge needs to know of a tenant to admit a request, limit its ingest rate and dress the
 * screens.
 */
public record TenantProfile(
    TenantKey key,
    String name,
    boolean suspended,
    String theme,
    String locale,
    String timeZone,
    int ingestRateLimit) {}
