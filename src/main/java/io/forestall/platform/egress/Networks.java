package io.forestall.platform.egress;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The address blocks no tenant-given address may reach: our own hosts, private networks, cloud
 * metadata services and everything not routed on the public internet. IPv6 forms that carry an IPv4
 * address (mapped, compatible, NAT64, 6to4) are judged by that address.
 */
final class Networks {

  private record Block(Cidr cidr, String name) {}

  private static final List<Block> FORBIDDEN =
      List.of(
          block("0.0.0.0/8", "unspecified"),
          block("10.0.0.0/8", "private"),
          block("100.64.0.0/10", "carrier-grade NAT"),
          block("127.0.0.0/8", "loopback"),
          block("169.254.0.0/16", "link-local (cloud metadata)"),
          block("172.16.0.0/12", "private"),
          block("192.0.0.0/24", "reserved"),
          block("192.0.2.0/24", "documentation"),
          block("192.88.99.0/24", "reserved"),
          block("192.168.0.0/16", "private"),
          block("198.18.0.0/15", "benchmarking"),
          block("198.51.100.0/24", "documentation"),
          block("203.0.113.0/24", "documentation"),
          block("168.63.129.16/32", "cloud metadata"),
          block("224.0.0.0/4", "multicast"),
          block("240.0.0.0/4", "reserved"),
          block("::/128", "unspecified"),
          block("::1/128", "loopback"),
          block("100::/64", "discard"),
          block("2001::/32", "Teredo tunnel"),
          block("2001:db8::/32", "documentation"),
          block("fc00::/7", "private (unique local)"),
          block("fe80::/10", "link-local"),
          block("fec0::/10", "site-local"),
          block("ff00::/8", "multicast"));

  private static final Cidr MAPPED = mapped();
  private static final Cidr COMPATIBLE = Cidr.parse("::/96");
  private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
  private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");

  private Networks() {}

  /** Why {@code address} may not be reached, or empty when it is a public address. */
  static Optional<String> forbidden(byte[] address) {
    Optional<String> block =
        FORBIDDEN.stream().filter(b -> b.cidr().contains(address)).map(Block::name).findFirst();
    if (block.isEmpty() && address.length == 16) {
      if (MAPPED.contains(address) || COMPATIBLE.contains(address) || NAT64.contains(address)) {
        return forbidden(Arrays.copyOfRange(address, 12, 16));
      }
      if (SIX_TO_FOUR.contains(address)) {
        return forbidden(Arrays.copyOfRange(address, 2, 6));
      }
    }
    return block;
  }

  /** {@code ::ffff:0:0/96}, which Java's parser would turn into an IPv4 block. */
  private static Cidr mapped() {
    byte[] prefix = new byte[16];
    prefix[10] = (byte) 0xff;
    prefix[11] = (byte) 0xff;
    return new Cidr(prefix, 96);
  }

  private static Block block(String cidr, String name) {
    return new Block(Cidr.parse(cidr), name);
  }
}
