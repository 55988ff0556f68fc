package io.forestall.platform.security;

import io.forestall.kernel.Caller;
import io.forestall.kernel.MachineCredentials;
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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Resolves the caller and the tenant of every request once, from the authenticated principal only
 * (the token's {@code tenant} claim), and binds them for the rest of the request, with its request
 * id on every log line and in the answer. The API authenticates by the request's own bearer token
 * or API key only: a signed-in browser's session cookie counts for nothing there, so another site
 * cannot make a browser call the API. Users of an unknown or suspended tenant get the suspended
 * page (or a 403 problem on the API) and nothing else. At FINE, logs one line per request.
 */
@WebFilter(filterName = "requestContext", urlPatterns = "/*")
public class RequestContextFilter extends HttpFilter {

  private static final List<String> ROLES =
      List.of(Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.AGENT, Role.VIEWER);

  private static final String API_KEY_PREFIX = "fsk_";

  private static final Logger REQUESTS = Logger.getLogger("io.forestall.requests");

  @Inject TenantDirectory tenants;
  @Inject MachineCredentials machines;
  @Inject CurrentSession session;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    long start = System.nanoTime();
    String requestId = RequestIds.of(request.getHeader(RequestIds.HEADER));
    response.setHeader(RequestIds.HEADER, requestId);
    MDC.put(RequestIds.LOG_KEY, requestId);
    try {
      bindCaller(request, response, chain);
    } finally {
      if (REQUESTS.isLoggable(Level.FINE)) {
        REQUESTS.fine(
            request.getMethod()
                + " "
                + request.getRequestURI()
                + " "
                + response.getStatus()
                + " in "
                + (System.nanoTime() - start) / 1_000_000
                + " ms");
      }
      Caller.clear();
      TenantContext.clear();
      MDC.remove(RequestIds.LOG_KEY);
    }
  }

  private void bindCaller(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (isLogout(request)) {
      chain.doFilter(request, response);
      return;
    }
    if (isApi(request)
        && bearer(request).filter(t -> !t.startsWith(API_KEY_PREFIX)).isPresent()
        && !request.authenticate(response)) {
      // The OIDC mechanism refused the token and set its challenge: say why in the API's words.
      if (!response.isCommitted()) {
        ProblemJson.write(
            response,
            ProblemJson.of(
                HttpServletResponse.SC_UNAUTHORIZED,
                "Unauthorized",
                "The access token is not valid for Forestall: expired, or issued for another"
                    + " client."));
      }
      return;
    }
    Principal principal = request.getUserPrincipal();
    Optional<OidcClaims> claims = OidcClaims.of(principal);
    Caller caller;
    Optional<String> slug;
    Locale locale = null;
    String idToken = null;
    if (claims.isPresent()
        && isApi(request)
        && !bearer(request).map(claims.get()::bearer).orElse(false)) {
      claims = Optional.empty();
    }
    if (claims.isPresent()) {
      caller = callerOf(request, principal.getName(), claims.get());
      slug = claims.get().tenant();
      locale = claims.get().locale().map(Locale::forLanguageTag).orElse(null);
      idToken = claims.get().idToken().orElse(null);
    } else {
      Optional<MachineCredentials.Machine> machine = apiKey(request).flatMap(machines::verify);
      if (machine.isEmpty()) {
        chain.doFilter(request, response);
        return;
      }
      caller = Caller.machine(machine.get().name(), machine.get().roles());
      slug = Optional.of(machine.get().tenantSlug());
    }
    TenantProfile tenant = null;
    if (slug.isPresent()) {
      tenant = tenants.find(slug.get()).orElse(null);
      if (tenant == null || tenant.suspended()) {
        refuse(request, response, slug.get());
        return;
      }
    }
    session.set(caller, tenant, locale, idToken);
    Caller.bind(caller);
    if (tenant != null) {
      TenantContext.bind(tenant.key());
    }
    chain.doFilter(request, response);
  }

  /** An API key sent as a bearer token; OIDC tokens never start with the key prefix. */
  private static Optional<String> apiKey(HttpServletRequest request) {
    return bearer(request).filter(token -> token.startsWith(API_KEY_PREFIX));
  }

  private static Optional<String> bearer(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    return Optional.of(header.substring(7).strip());
  }

  private static boolean isApi(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
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
    if (isApi(request)) {
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
