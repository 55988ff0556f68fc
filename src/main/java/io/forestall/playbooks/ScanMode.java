package io.forestall.playbooks;

/** What started a scan. */
public enum ScanMode {
  /** The playbook's cron. */
  SCHEDULED,
  /** New events of an event-driven playbook's types, moments after they were accepted. */
  PROMPT,
  /** A person or the API asked for it now. */
  MANUAL
}
