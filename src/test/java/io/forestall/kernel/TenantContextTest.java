package io.forestall.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

class TenantContextTest {

  @Test
  void logLinesNameTheTenantOfTheirContextAndNoneOutside() {
    TenantContext.run(
        new TenantKey(1, "acme"),
        () -> {
          TenantContext.run(
              new TenantKey(2, "globex"),
              () -> assertEquals("globex", MDC.get(TenantContext.LOG_KEY)));
          assertEquals("acme", MDC.get(TenantContext.LOG_KEY));
        });
    assertNull(MDC.get(TenantContext.LOG_KEY));

    TenantContext.bind(new TenantKey(3, "brightwheel"));
    assertEquals("brightwheel", MDC.get(TenantContext.LOG_KEY));
    TenantContext.clear();
    assertNull(MDC.get(TenantContext.LOG_KEY));
  }
}
