package io.forestall.kernel;

import java.util.List;

/**
 * Where a message goes, and the parts a template for it has; playbooks name them, outreach sends.
 */
public enum Channel {
  EMAIL(List.of("subject", "html", "text")),
  SMS(List.of("text")),
  WEBHOOK(List.of("payload")),
  ACTION_PAGE(List.of("title", "body"));

  private final List<String> parts;

  Channel(List<String> parts) {
    this.parts = parts;
  }

  public List<String> parts() {
    return parts;
  }
}
