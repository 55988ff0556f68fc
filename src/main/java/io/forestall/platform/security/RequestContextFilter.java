package io.forestall.platform.security;

import io.forestall.kernel.Caller;
import io.forestall.kernel.Role;
import io.forestall.kernel.TenantContext;
import io.forestall.kernel.TenantDirectory;
import io.forestall.kernel.TenantProfile;
import io.forestall.platform.rest.ProblemJson;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the caller and the tenant of every request once, from the authenticated principal only
 * (the token's {@code tenant} claim), and binds them for the rest of the request. Users of an
 * unknown or suspended tenant get the suspended page (or a 403 problem on the API) and nothing
 * else.
 */
@WebFilter(filterName = "requestContext", urlPatterns = "/*")
public class RequestContextFilter extends HttpFilter {

  private static final List<String> ROLES =
      List.of(Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.AGENT, Role.VIEWER);

  @Inject TenantDirectory tenants;
  @Inject CurrentSession session;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Principal principal = request.getUserPrincipal();
    Optional<OidcClaims> claims = OidcClaims.of(principal);
    if (principal == null || claims.isEmpty() || isLogout(request)) {
      chain.doFilter(request, response);
      return;
    }
    Caller caller = callerOf(request, principal.getName(), claims.get());
    TenantProfile tenant = null;
    Optional<String> slug = claims.get().tenant();
    if (slug.isPresent()) {
      tenant = tenants.find(slug.get()).orElse(null);
      if (tenant == null || tenant.suspended()) {
        refuse(request, response, slug.get());
        return;
      }
    }
    Locale locale = claims.get().locale().map(Locale::forLanguageTag).orElse(null);
    session.set(caller, tenant, locale, claims.get().idToken().orElse(null));
    Caller.bind(caller);
    if (tenant != null) {
      TenantContext.bind(tenant.key());
    }
    try {
      chain.doFilter(request, response);
    } finally {
      Caller.clear();
      TenantContext.clear();
    }
  }

  /** Logout must work for everyone, including users of a suspended tenant. */
  private static boolean isLogout(HttpServletRequest request) {
    return request.getRequestURI().equals(request.getContextPath() + "/logout");
  }

  private static Caller callerOf(HttpServletRequest request, String username, OidcClaims claims) {
    Set<String> roles = new HashSet<>();
    for (String role : ROLES) {
      if (request.isUserInRole(role)) {
        roles.add(role);
      }
    }
    return Caller.person(username, claims.displayName(), roles);
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, String slug)
      throws IOException, ServletException {
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      ProblemJson.write(
          response,
          ProblemJson.of(
              HttpServletResponse.SC_FORBIDDEN,
              "Tenant not active",
              "The tenant '" + slug + "' is suspended or unknown; its data cannot be reached."));
      return;
    }
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    request.setAttribute("forestall.tenant", slug);
    request.getRequestDispatcher("/suspended.xhtml").forward(request, response);
  }
}
