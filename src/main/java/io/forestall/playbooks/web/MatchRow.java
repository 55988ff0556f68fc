package io.forestall.playbooks.web;

import io.forestall.triggers.Match;
import java.io.Serializable;

/** A dry-run match as a screen row. */
public class MatchRow implements Serializable {

  private final String externalId;
  private final String name;
  private final String summary;

  MatchRow(Match m) {
    this.externalId = m.externalId();
    this.name = m.customerName();
    this.summary = m.summary();
  }

  public String getExternalId() {
    return externalId;
  }

  public String getName() {
    return name;
  }

  public String getSummary() {
    return summary;
  }
}
