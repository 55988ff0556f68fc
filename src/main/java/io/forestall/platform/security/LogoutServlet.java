package io.forestall.platform.security;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ends the local session and then the Keycloak session (RP-initiated logout), so the next visit
 * asks for a password again.
 */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

  @Inject CurrentSession session;

  @Inject
  @ConfigProperty(
      name = "forestall.oidc.url",
      defaultValue = "http://localhost:8180/realms/forestall")
  String providerUrl;

  @Inject
  @ConfigProperty(name = "forestall.oidc.client", defaultValue = "forestall-web")
  String clientId;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    String idToken = session.idToken().orElse(null);
    request.logout();
    var httpSession = request.getSession(false);
    if (httpSession != null) {
      httpSession.invalidate();
    }
    String home =
        request.getScheme()
            + "://"
            + request.getServerName()
            + ":"
            + request.getServerPort()
            + request.getContextPath()
            + "/";
    StringBuilder target =
        new StringBuilder(providerUrl)
            .append("/protocol/openid-connect/logout?post_logout_redirect_uri=")
            .append(URLEncoder.encode(home, StandardCharsets.UTF_8));
    if (idToken != null) {
      target.append("&id_token_hint=").append(URLEncoder.encode(idToken, StandardCharsets.UTF_8));
    } else {
      target.append("&client_id=").append(URLEncoder.encode(clientId, StandardCharsets.UTF_8));
    }
    response.sendRedirect(target.toString());
  }
}
