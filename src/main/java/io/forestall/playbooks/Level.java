package io.forestall.playbooks;

/** Temkin's proactivity ladder: what Forestall does when a playbook's trigger fires. */
public enum Level {
  /** Records the case only: measures how often the problem happens. */
  IGNORE,
  /** No outreach; when the customer makes contact, an agent gets the case at high priority. */
  REACT,
  /** Notifies the customer on the playbook's channels. */
  ALERT,
  /** Notifies with self-service options on the action page. */
  SELF_HEAL,
  /** Performs the remedy first, then tells the customer what was done. */
  PRE_EMPT,
  /** Files the case under its root cause on the problem board, so the cause gets fixed. */
  AVOID;

  /** Whether cases at this level reach the customer, so a holdout share is held back. */
  public boolean reachesCustomer() {
    return this == ALERT || this == SELF_HEAL || this == PRE_EMPT;
  }
}
