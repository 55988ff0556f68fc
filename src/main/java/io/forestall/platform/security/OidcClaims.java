package io.forestall.platform.security;

import java.security.Principal;
import java.util.Optional;
import org.wildfly.security.http.oidc.OidcPrincipal;

/** Reads Forestall's claims from the principal that WildFly's OIDC client authenticated. */
final class OidcClaims {

  private final OidcPrincipal<?> principal;

  private OidcClaims(OidcPrincipal<?> principal) {
    this.principal = principal;
  }

  static Optional<OidcClaims> of(Principal principal) {
    return principal instanceof OidcPrincipal<?> oidc
        ? Optional.of(new OidcClaims(oidc))
        : Optional.empty();
  }

  Optional<String> tenant() {
    return claim("tenant");
  }

  Optional<String> locale() {
    return claim("locale");
  }

  String displayName() {
    return claim("name").or(() -> claim("preferred_username")).orElse(principal.getName());
  }

  /** Whether the principal was authenticated by this very access token, not by a session. */
  boolean bearer(String accessToken) {
    return accessToken.equals(principal.getOidcSecurityContext().getTokenString());
  }

  Optional<String> idToken() {
    return Optional.ofNullable(principal.getOidcSecurityContext().getIDTokenString());
  }

  private Optional<String> claim(String name) {
    var token = principal.getOidcSecurityContext().getToken();
    if (token == null || !token.getClaimNames().contains(name)) {
      return Optional.empty();
    }
    String value = token.getClaimValueAsString(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
