package io.forestall.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The headers every answer carries, and HSTS only where the request came over TLS. */
@Tag("security")
class SecurityHeadersFilterTest {

  private static Map<String, String> headersFor(boolean secure) throws Exception {
    Map<String, String> headers = new HashMap<>();
    HttpServletRequest request =
        (HttpServletRequest)
            Proxy.newProxyInstance(
                getLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (p, m, a) -> m.getName().equals("isSecure") ? secure : null);
    HttpServletResponse response =
        (HttpServletResponse)
            Proxy.newProxyInstance(
                getLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (p, m, a) -> {
                  if (m.getName().equals("setHeader")) {
                    headers.put((String) a[0], (String) a[1]);
                  }
                  return null;
                });
    new SecurityHeadersFilter().doFilter(request, response, (req, res) -> {});
    return headers;
  }

  private static ClassLoader getLoader() {
    return SecurityHeadersFilterTest.class.getClassLoader();
  }

  @Test
  void framingSniffingAndReferrersAreRefusedAndHstsComesOnlyOverTls() throws Exception {
    Map<String, String> plain = headersFor(false);
    assertEquals("DENY", plain.get("X-Frame-Options"));
    assertEquals("nosniff", plain.get("X-Content-Type-Options"));
    assertEquals("same-origin", plain.get("Referrer-Policy"));
    assertEquals(SecurityHeadersFilter.POLICY, plain.get("Content-Security-Policy"));
    assertFalse(plain.containsKey("Strict-Transport-Security"));
    assertEquals(
        "max-age=31536000; includeSubDomains", headersFor(true).get("Strict-Transport-Security"));
  }
}
