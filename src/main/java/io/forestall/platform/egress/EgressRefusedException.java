package io.forestall.platform.egress;

import java.net.UnknownHostException;

/**
 * A tenant-given address the egress guard will not call, with the reason in its message. It is an
 * {@link UnknownHostException} so that it leaves the HTTP client's name lookup unchanged.
 */
public class EgressRefusedException extends UnknownHostException {

  public EgressRefusedException(String reason) {
    super(reason);
  }
}
