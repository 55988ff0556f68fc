package io.forestall.outreach;

import io.forestall.platform.security.OriginSplit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The links a message carries to its action page, opt-out and open pixel, each with the message's
 * signed token, under the public address in {@code FORESTALL_PUBLIC_URL}: a host of its own, where
 * no admin session lives (see {@link OriginSplit}).
 */
@ApplicationScoped
public class ActionLinks {

  /** The default is {@link OriginSplit#DEFAULT_PUBLIC_URL}, written out for the deploy tests. */
  @Inject
  @ConfigProperty(name = "forestall.public.url", defaultValue = "http://127.0.0.1:8080")
  String base;

  @Inject ActionTokens tokens;

  /** The links of one message, as templates read them ({@code links.action}, …). */
  public Map<String, Object> of(String tenantSlug, long messageId, Instant sentAt) {
    return under(
        root() + "/r/" + tokens.issue(tenantSlug, messageId, sentAt.plus(ActionTokens.LIFETIME)));
  }

  /** Links that go nowhere, for previews: the page explains it is a preview. */
  Map<String, Object> preview() {
    return under(root() + "/r/preview");
  }

  private static Map<String, Object> under(String page) {
    return Map.of(
        "action",
        page,
        "optOut",
        page + "/opt-out",
        "openPixel",
        page + "/open.gif",
        "offer",
        page + "/offer");
  }

  private String root() {
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }
}
