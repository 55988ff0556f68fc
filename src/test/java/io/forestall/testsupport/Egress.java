package io.forestall.testsupport;

import io.forestall.platform.egress.EgressGuard;
import io.forestall.platform.egress.EgressPolicy;
import java.net.InetAddress;

/** Egress guards for tests outside the server. */
public final class Egress {

  /**
   * What the test servers allow (the failsafe configuration's {@code FORESTALL_EGRESS_ALLOW}): this
   * host's loopback address on the ephemeral ports WireMock peers get, so tests reach their peers
   * while the server's own ports (8080, 8180, 9990) stay refused.
   */
  public static final String TEST_ALLOW = "127.0.0.1/32 32768-60999";

  private Egress() {}

  public static EgressGuard toTestPeers() {
    return EgressGuard.of(EgressPolicy.parse(TEST_ALLOW), InetAddress::getAllByName);
  }
}
