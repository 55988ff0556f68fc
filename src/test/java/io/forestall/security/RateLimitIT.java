package io.forestall.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.kernel.Role;
import io.forestall.tenants.TenantService;
import io.forestall.testsupport.Api;
import io.forestall.testsupport.As;
import io.forestall.testsupport.Deployments;
import io.forestall.testsupport.Wait;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every API route and the public pages are rate-limited: a tenant by its allowance, callers that
 * name no tenant and the customers' pages by client address; over it the answer is 429 with
 * Retry-After, and other tenants go on.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("security")
class RateLimitIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Deployment
  static WebArchive deployment() {
    return Deployments.forestall(RateLimitIT.class);
  }

  @Inject TenantService tenants;

  @Test
  void aTenantOverItsAllowanceGets429OnAnyRouteWhileOthersGoOn() throws Exception {
    long globex = As.tenant("globex").id();
    String key = Api.key("globex-admin", "FULL");
    String acme = Api.key("acme-admin", "FULL");
    limit(globex, 1);
    try {
      HttpResponse<String> refused = firstRefused(Api.APP + "/api/v1/customers", key, 20);
      assertTrue(
          refused
              .headers()
              .firstValue("Content-Type")
              .orElse("")
              .startsWith("application/problem+json"));
      assertEquals(200, Api.get("/api/v1/customers", acme).status(), "acme is not held up");
    } finally {
      limit(globex, 200);
    }
  }

  @Test
  void callersWithoutATenantAndThePublicPagesAreLimitedByAddress() throws Exception {
    firstRefused(Api.APP + "/api/v1/customers", "fsk_not-a-key", 200);
    firstRefused(Api.PUBLIC + "/r/not-a-link", null, 200);
    // Leave the address able to call again for the tests that follow.
    awaitAllowed(Api.PUBLIC + "/r/not-a-link");
    awaitAllowed(Api.APP + "/api/v1/customers");
  }

  private void limit(long tenant, int perSecond) {
    As.person(
        Role.PLATFORM_ADMIN,
        () -> {
          tenants.limitIngest(tenant, perSecond);
          return null;
        });
  }

  /** Sends quickly until one answer is 429 with a Retry-After, which it answers. */
  private static HttpResponse<String> firstRefused(String url, String bearer, int tries)
      throws Exception {
    for (int i = 0; i < tries; i++) {
      HttpResponse<String> answer = get(url, bearer);
      if (answer.statusCode() == 429) {
        Optional<String> retry = answer.headers().firstValue("Retry-After");
        assertTrue(
            retry.isPresent() && Long.parseLong(retry.get()) >= 1, answer.headers().toString());
        return answer;
      }
    }
    throw new AssertionError(url + " never answered 429 in " + tries + " quick requests");
  }

  private static void awaitAllowed(String url) {
    Wait.until(
        url + " answers other than 429",
        Duration.ofSeconds(10),
        () -> get(url, null).statusCode(),
        status -> status != 429);
  }

  private static HttpResponse<String> get(String url, String bearer) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
