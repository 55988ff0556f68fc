package io.forestall.platform.rest;

import io.forestall.kernel.TenantContext;
import io.forestall.kernel.TenantDirectory;
import io.forestall.kernel.TenantKey;
import io.forestall.kernel.TenantProfile;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Every API route is rate-limited on each node: a tenant's calls by its allowance ({@code
 * ingest_rate_limit} requests a second, bursts of twice that, the same figure ingest uses in a
 * bucket of its own), and calls that name no tenant by their client address. Over it, the answer is
 * 429 with {@code Retry-After}.
 */
@Provider
// Ahead of the 401 for missing credentials: guessing keys is limited too.
@Priority(Priorities.AUTHENTICATION - 100)
public class ApiRateLimitFilter implements ContainerRequestFilter {

  /** Requests a second from one address that names no tenant (bad keys, signature checks). */
  static final int PER_ADDRESS = 20;

  @Context ResourceInfo resource;
  @Context HttpServletRequest http;
  @Inject RateLimiter limiter;
  @Inject TenantDirectory tenants;

  @Override
  public void filter(ContainerRequestContext request) {
    if (limitsItself()) {
      return;
    }
    Optional<TenantProfile> tenant =
        TenantContext.current().map(TenantKey::slug).flatMap(tenants::find);
    long wait =
        tenant.isPresent()
            ? limiter.acquire("api:" + tenant.get().key().id(), tenant.get().ingestRateLimit())
            : limiter.acquire("address:" + http.getRemoteAddr(), PER_ADDRESS);
    if (wait > 0) {
      request.abortWith(
          Response.fromResponse(
                  ProblemJson.of(
                          429,
                          "Too many requests",
                          tenant
                                  .map(
                                      t ->
                                          "This tenant may make "
                                              + t.ingestRateLimit()
                                              + " API requests per second")
                                  .orElse(
                                      "This address may make "
                                          + PER_ADDRESS
                                          + " requests per second")
                              + "; retry after "
                              + wait
                              + " s.")
                      .toResponse())
              .header("Retry-After", Long.toString(wait))
              .build());
    }
  }

  private boolean limitsItself() {
    return resource.getResourceClass() != null
        && (resource.getResourceClass().isAnnotationPresent(OwnRateLimit.class)
            || resource.getResourceMethod().isAnnotationPresent(OwnRateLimit.class));
  }
}
