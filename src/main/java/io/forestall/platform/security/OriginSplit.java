package io.forestall.platform.security;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Keeps the two origins Forestall answers on apart. The public host of {@code FORESTALL_PUBLIC_URL}
 * serves the customers' pages under {@code /r/} and nothing else; every other host serves
 * everything but them. It runs in Undertow's outer handler chain, ahead of the login, so on the
 * public host no cookie is read, none is set, and neither the OIDC login nor the API is reached:
 * whatever a tenant writes on its pages runs where no admin session lives.
 */
public class OriginSplit implements ServletExtension {

  /** The paths of the customers' pages. */
  public static final String PUBLIC_PATH = "/r/";

  /** Where customers' links point when nothing is configured: this machine under another name. */
  public static final String DEFAULT_PUBLIC_URL = "http://127.0.0.1:8080";

  @Override
  public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
    URI publicUrl =
        URI.create(
            ConfigProvider.getConfig()
                .getOptionalValue("forestall.public.url", String.class)
                .orElse(DEFAULT_PUBLIC_URL));
    String host = publicUrl.getHost().toLowerCase(Locale.ROOT);
    int port =
        publicUrl.getPort() >= 0
            ? publicUrl.getPort()
            : "https".equalsIgnoreCase(publicUrl.getScheme()) ? 443 : 80;
    deployment.addOuterHandlerChainWrapper(next -> split(next, host, port));
  }

  private static HttpHandler split(HttpHandler next, String host, int port) {
    return exchange -> {
      boolean publicHost = isPublicHost(exchange, host, port);
      if (publicHost != exchange.getRelativePath().startsWith(PUBLIC_PATH)) {
        exchange.setStatusCode(404);
        exchange.endExchange();
        return;
      }
      if (publicHost) {
        exchange.getRequestHeaders().remove(Headers.COOKIE);
        exchange.getRequestHeaders().remove(Headers.AUTHORIZATION);
        exchange.addResponseCommitListener(e -> e.getResponseHeaders().remove(Headers.SET_COOKIE));
      }
      next.handleRequest(exchange);
    };
  }

  private static boolean isPublicHost(HttpServerExchange exchange, String host, int port) {
    return host.equalsIgnoreCase(exchange.getHostName()) && exchange.getHostPort() == port;
  }
}
