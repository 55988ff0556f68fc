package io.forestall.outreach;

import java.net.URI;

/** Where and as whom a tenant's SMS are sent, with the provider's token decrypted for sending. */
record SmsProvider(URI url, String senderId, String token) {

  @Override
  public String toString() {
    return "SmsProvider[" + url + ", " + senderId + "]";
  }
}
