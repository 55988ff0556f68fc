package io.forestall.cases;

import java.time.Instant;

/** One line of the problem board: a root cause and how many cases it caused. */
public class RootCauseCount {

  private final String rootCause;
  private final long cases;
  private final long open;
  private final Instant latest;

  public RootCauseCount(String rootCause, long cases, long open, Instant latest) {
    this.rootCause = rootCause;
    this.cases = cases;
    this.open = open;
    this.latest = latest;
  }

  public String getRootCause() {
    return rootCause;
  }

  public long getCases() {
    return cases;
  }

  public long getOpen() {
    return open;
  }

  public Instant getLatest() {
    return latest;
  }
}
