package io.forestall.outreach;

import java.util.List;

/** Where a message goes, and the parts a template for it has. */
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

  /** How a part's variables are escaped: HTML in markup, JSON in webhook payloads, else none. */
  Escaping escaping(String part) {
    return switch (this) {
      case EMAIL -> part.equals("html") ? Escaping.HTML : Escaping.NONE;
      case ACTION_PAGE -> Escaping.HTML;
      case WEBHOOK -> Escaping.JSON;
      case SMS -> Escaping.NONE;
    };
  }

  enum Escaping {
    HTML,
    JSON,
    NONE
  }
}
