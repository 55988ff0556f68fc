package io.forestall.platform.egress;

/**
 * Host names that are addresses in disguise. Besides the usual literals, resolvers and browsers
 * take the old {@code inet_aton} spellings of IPv4: {@code 2130706433}, {@code 0x7f000001}, {@code
 * 0177.0.0.1} and {@code 127.1} are all 127.0.0.1. The guard judges such a host by its address.
 */
final class Numeric {

  private static final String PART = "(0[xX][0-9a-fA-F]*|\\d+)";

  private Numeric() {}

  /** The address a numeric host spells, or null when it is a name to look up. */
  static byte[] address(String host) {
    byte[] literal = Cidr.literal(host);
    if (literal != null || !host.matches(PART + "(\\." + PART + "){0,3}\\.?")) {
      return literal;
    }
    String[] parts = host.split("\\.");
    long[] values = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      values[i] = value(parts[i]);
      if (values[i] < 0) {
        return null;
      }
    }
    // The last part fills the bytes the earlier ones leave: a.b.c.d, a.b.cd, a.bcd, abcd.
    long last = values[parts.length - 1];
    int lastBytes = 5 - parts.length;
    if (last >= 1L << (8 * lastBytes)) {
      return null;
    }
    byte[] address = new byte[4];
    for (int i = 0; i < parts.length - 1; i++) {
      if (values[i] > 255) {
        return null;
      }
      address[i] = (byte) values[i];
    }
    for (int i = 0; i < lastBytes; i++) {
      address[3 - i] = (byte) (last >> (8 * i));
    }
    return address;
  }

  /** A part in decimal, hex ({@code 0x}) or octal (a leading 0); -1 when out of range. */
  private static long value(String part) {
    try {
      long value;
      if (part.startsWith("0x") || part.startsWith("0X")) {
        value = part.length() == 2 ? 0 : Long.parseLong(part.substring(2), 16);
      } else if (part.length() > 1 && part.startsWith("0")) {
        value = Long.parseLong(part.substring(1), 8);
      } else {
        value = Long.parseLong(part);
      }
      return value <= 0xFFFFFFFFL ? value : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
