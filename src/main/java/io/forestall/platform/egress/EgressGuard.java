package io.forestall.platform.egress;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one way out to an address a tenant gave us (webhook subscribers, SMS providers, remedies). It
 * resolves the host once, refuses our own and private networks (see {@link EgressPolicy}), connects
 * to exactly the addresses it checked, follows no redirect, ends the whole attempt at its deadline
 * and reads no more of the answer than asked. Checking a URL when it is saved is a courtesy to the
 * tenant; the check that counts is the one made when connecting, since a name may resolve
 * differently by then.
 */
@ApplicationScoped
public class EgressGuard {

  /** Looks a host name up; a seam so tests can make a name resolve differently on each call. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** A host with no address at all. */
  private static final class UnresolvedHostException extends EgressRefusedException {
    UnresolvedHostException(String host) {
      super("names a host that does not resolve: " + host);
    }
  }

  /** The longest deadline a call may ask for; connecting alone never takes longer. */
  public static final Duration MAX_DEADLINE = Duration.ofSeconds(10);

  /** {@code FORESTALL_EGRESS_ALLOW}: what an operator lets through besides the public internet. */
  @Inject
  @ConfigProperty(name = "forestall.egress.allow")
  Optional<String> allow;

  private EgressPolicy policy;
  private Resolver resolver;
  private CloseableHttpClient http;

  EgressGuard() {}

  /** A guard outside the container, for tests and tools. */
  public static EgressGuard of(EgressPolicy policy, Resolver resolver) {
    EgressGuard guard = new EgressGuard();
    guard.start(policy, resolver);
    return guard;
  }

  @PostConstruct
  void init() {
    start(EgressPolicy.parse(allow.orElse("")), InetAddress::getAllByName);
  }

  private void start(EgressPolicy policy, Resolver resolver) {
    this.policy = policy;
    this.resolver = resolver;
    DnsResolver checked =
        new DnsResolver() {
          @Override
          public InetAddress[] resolve(String host) throws UnknownHostException {
            return addresses(host).toArray(InetAddress[]::new);
          }

          @Override
          public String resolveCanonicalHostname(String host) {
            return host;
          }
        };
    this.http =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(checked)
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.of(MAX_DEADLINE))
                            .setSocketTimeout(Timeout.of(MAX_DEADLINE))
                            .build())
                    .setMaxConnTotal(64)
                    .setMaxConnPerRoute(4)
                    .build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .build();
  }

  @PreDestroy
  void close() {
    try {
      http.close();
    } catch (IOException e) {
      // Closing idle connections; nothing is lost.
    }
  }

  /**
   * Why {@code url} may not be called, or empty when it may: an absolute http(s) URL without
   * credentials, on an allowed port, whose host is not an address we refuse and does not resolve to
   * only such addresses now. A name that does not resolve yet passes; calling it will not.
   */
  public Optional<String> problem(String url) {
    try {
      check(url, false);
      return Optional.empty();
    } catch (EgressRefusedException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * POSTs {@code body} to {@code url} through the checks above, and reads at most {@code maxAnswer}
   * bytes of the answer. The deadline bounds the whole attempt, connection and answer included.
   *
   * @throws EgressRefusedException when the URL or every address of its host is refused
   * @throws EgressTimeoutException when the deadline passed first
   * @throws IOException when the peer could not be reached or broke off
   */
  public EgressAnswer post(
      String url,
      Map<String, String> headers,
      byte[] body,
      String contentType,
      Duration deadline,
      int maxAnswer)
      throws IOException {
    if (deadline.compareTo(MAX_DEADLINE) > 0) {
      throw new IllegalArgumentException("deadline above " + MAX_DEADLINE);
    }
    URI uri = check(url, true);
    HttpPost request = new HttpPost(uri);
    Timeout timeout = Timeout.of(deadline);
    request.setConfig(
        RequestConfig.custom()
            .setConnectionRequestTimeout(timeout)
            .setResponseTimeout(timeout)
            .setRedirectsEnabled(false)
            .build());
    headers.forEach(request::setHeader);
    request.setEntity(new ByteArrayEntity(body, ContentType.parse(contentType)));
    CompletableFuture<Void> alarm =
        CompletableFuture.runAsync(
            request::cancel,
            CompletableFuture.delayedExecutor(deadline.toMillis(), TimeUnit.MILLISECONDS));
    try (ClassicHttpResponse response = http.executeOpen(null, request, null)) {
      HttpEntity entity = response.getEntity();
      byte[] read = new byte[0];
      boolean truncated = false;
      if (entity != null) {
        try (InputStream in = entity.getContent()) {
          read = in.readNBytes(maxAnswer);
          truncated = in.read() >= 0;
        }
      }
      return new EgressAnswer(response.getCode(), read, truncated);
    } catch (IOException e) {
      if (request.isCancelled() || e instanceof InterruptedIOException) {
        throw new EgressTimeoutException(deadline, e);
      }
      throw e;
    } finally {
      alarm.cancel(false);
    }
  }

  /** The URL as it will be called, or why it will not be. */
  private URI check(String url, boolean mustResolve) throws EgressRefusedException {
    URI uri;
    try {
      uri = new URI(url == null ? "" : url.strip());
    } catch (URISyntaxException e) {
      throw new EgressRefusedException("is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
      throw new EgressRefusedException("must be an absolute http or https URL");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new EgressRefusedException("must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new EgressRefusedException("must not carry a user name or password");
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    if (!policy.allowsPort(port)) {
      throw new EgressRefusedException("uses port " + port + "; only 80 and 443 are allowed");
    }
    try {
      addresses(uri.getHost());
    } catch (UnresolvedHostException e) {
      if (mustResolve) {
        throw e;
      }
    }
    return uri;
  }

  /** The allowed addresses {@code host} resolves to now; refused when there are none. */
  private List<InetAddress> addresses(String host) throws EgressRefusedException {
    String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    InetAddress[] found;
    byte[] numeric = Numeric.address(name);
    try {
      found =
          numeric != null
              ? new InetAddress[] {InetAddress.getByAddress(name, numeric)}
              : resolver.resolve(name);
    } catch (UnknownHostException e) {
      throw new UnresolvedHostException(name);
    }
    if (found.length == 0) {
      throw new UnresolvedHostException(name);
    }
    List<InetAddress> allowed = new ArrayList<>();
    String refusal = null;
    for (InetAddress address : found) {
      Optional<String> why = policy.refusal(address.getAddress());
      if (why.isEmpty()) {
        allowed.add(address);
      } else if (refusal == null) {
        refusal = why.get();
      }
    }
    if (allowed.isEmpty()) {
      throw new EgressRefusedException(
          "names "
              + name
              + (numeric != null || Cidr.literal(name) != null
                  ? ", which "
                  : ", whose address " + found[0].getHostAddress() + " ")
              + (refusal == null ? "resolves to nothing" : refusal)
              + "; Forestall calls only public addresses");
    }
    return allowed;
  }
}
