package io.forestall.playbooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Chooses the control group: a customer is held out of a playbook's outreach when a hash of the
 * playbook and customer falls below the holdout percentage. The same pair always gets the same
 * answer, on every node and every scan.
 */
final class Holdout {

  private Holdout() {}

  static boolean held(long playbookId, long customerId, int percent) {
    if (percent <= 0) {
      return false;
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest((playbookId + ":" + customerId).getBytes(StandardCharsets.US_ASCII));
      int bucket =
          Math.floorMod(
              ((hash[0] & 0xff) << 24)
                  | ((hash[1] & 0xff) << 16)
                  | ((hash[2] & 0xff) << 8)
                  | (hash[3] & 0xff),
              100);
      return bucket < percent;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
