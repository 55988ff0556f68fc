package io.forestall.playbooks;

/**
 * What a PRE_EMPT playbook has the tenant's system do before the customer hears of it, and how the
 * tenant confirms it was done.
 *
 * @param action what is done, in the customer's words ("rebooked you on the next flight")
 */
public record Remedy(String action, Confirmation confirmBy) {

  /** How Forestall learns the remedy was done. */
  public enum Confirmation {
    /** The tenant's system calls {@code POST /api/v1/cases/{id}/remedy}. */
    API,
    /** The tenant's system answers the {@code remedy.requested} webhook with a 2xx status. */
    WEBHOOK
  }
}
