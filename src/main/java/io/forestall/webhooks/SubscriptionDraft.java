package io.forestall.webhooks;

import io.forestall.kernel.IntegrationEvent;
import io.forestall.kernel.Violation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a tenant asks of a subscription: where to, what for, which event types, and whether it is on
 * ({@code null} keeps it as it is, or on for a new one).
 */
public record SubscriptionDraft(
    String url, String description, Set<String> eventTypes, Boolean enabled) {

  static final int MAX_URL = 2000;
  static final int MAX_DESCRIPTION = 500;

  public SubscriptionDraft {
    eventTypes = eventTypes == null ? Set.of() : Set.copyOf(eventTypes);
  }

  /** Every broken rule, each with its JSON pointer; empty when the draft may be stored. */
  public List<Violation> check() {
    List<Violation> violations = new ArrayList<>();
    String urlProblem = urlProblem(url);
    if (urlProblem != null) {
      violations.add(new Violation("/url", urlProblem));
    }
    if (description != null && description.strip().length() > MAX_DESCRIPTION) {
      violations.add(
          new Violation("/description", "is longer than " + MAX_DESCRIPTION + " characters"));
    }
    if (eventTypes.isEmpty()) {
      violations.add(
          new Violation(
              "/eventTypes", "must name at least one of " + new TreeSet<>(IntegrationEvent.TYPES)));
    }
    for (String type : new TreeSet<>(eventTypes)) {
      if (!IntegrationEvent.TYPES.contains(type)) {
        violations.add(
            new Violation(
                "/eventTypes",
                "'"
                    + type
                    + "' is not an event type; known are "
                    + new TreeSet<>(IntegrationEvent.TYPES)));
      }
    }
    return violations;
  }

  /** Why {@code url} cannot be sent to, or null when it can. */
  static String urlProblem(String url) {
    if (url == null || url.isBlank()) {
      return "is required: an absolute http or https URL";
    }
    String clean = url.strip();
    if (clean.length() > MAX_URL) {
      return "is longer than " + MAX_URL + " characters";
    }
    URI uri;
    try {
      uri = new URI(clean);
    } catch (URISyntaxException e) {
      return "is not a valid URL: " + e.getReason();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
      return "must be an absolute http or https URL";
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      return "must name a host";
    }
    if (uri.getRawUserInfo() != null) {
      return "must not carry a user name or password";
    }
    if (uri.getRawFragment() != null) {
      return "must not have a #fragment";
    }
    return null;
  }
}
