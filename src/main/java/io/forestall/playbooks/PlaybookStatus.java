package io.forestall.playbooks;

/** Where a playbook is in its life: drafted, scanning, paused or put away. */
public enum PlaybookStatus {
  DRAFT,
  ACTIVE,
  PAUSED,
  ARCHIVED
}
