package io.forestall.platform.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A block of IPv4 or IPv6 addresses, {@code 10.0.0.0/8} or {@code fe80::/10}. */
record Cidr(byte[] network, int bits) {

  /** Parses {@code address/bits} or a single address, written as an IP literal only. */
  static Cidr parse(String text) {
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    byte[] network = literal(address);
    if (network == null) {
      throw new IllegalArgumentException("'" + text + "' is not an address or CIDR block");
    }
    int bits = network.length * 8;
    if (slash >= 0) {
      try {
        bits = Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + text + "' has no prefix length after '/'");
      }
      if (bits < 0 || bits > network.length * 8) {
        throw new IllegalArgumentException("'" + text + "' has a prefix length out of range");
      }
    }
    return new Cidr(network, bits);
  }

  boolean contains(byte[] address) {
    if (address.length != network.length) {
      return false;
    }
    for (int i = 0; i < bits; i++) {
      int mask = 0x80 >> (i % 8);
      if ((address[i / 8] & mask) != (network[i / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  /** The bytes of an IPv4 dotted quad or an IPv6 literal; null for anything else (no lookup). */
  static byte[] literal(String text) {
    String t =
        text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    if (t.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      byte[] v4 = new byte[4];
      String[] parts = t.split("\\.");
      for (int i = 0; i < 4; i++) {
        int part = Integer.parseInt(parts[i]);
        if (part > 255) {
          return null;
        }
        v4[i] = (byte) part;
      }
      return v4;
    }
    if (!t.contains(":") || !t.matches("[0-9A-Fa-f:.]+")) {
      return null;
    }
    try {
      // A literal is parsed here, never looked up.
      return InetAddress.getByName(t).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
