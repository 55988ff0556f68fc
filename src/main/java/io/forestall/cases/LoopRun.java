package io.forestall.cases;

/**
 * What one pass of the closed loop did for a tenant.
 *
 * @param heldOutContacts contacts newly counted for held-out cases
 */
public record LoopRun(int reopened, int heldOutContacts, int verified) {

  public static final LoopRun NOTHING = new LoopRun(0, 0, 0);

  public LoopRun plus(LoopRun other) {
    return new LoopRun(
        reopened + other.reopened,
        heldOutContacts + other.heldOutContacts,
        verified + other.verified);
  }

  public boolean changedNothing() {
    return equals(NOTHING);
  }
}
