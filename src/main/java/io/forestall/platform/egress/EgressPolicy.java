package io.forestall.platform.egress;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the egress guard lets through: public addresses on ports 80 and 443, plus the address blocks
 * and ports an operator lists in {@code FORESTALL_EGRESS_ALLOW}, separated by commas or spaces:
 * CIDR blocks or single addresses ({@code 10.1.2.0/24}, {@code fd00::5}) and ports or port ranges
 * ({@code 8443}, {@code 32768-60999}).
 */
public final class EgressPolicy {

  /** Nothing beyond the public internet on 80 and 443. */
  public static final EgressPolicy STRICT = new EgressPolicy(List.of(), List.of());

  private final List<Cidr> networks;
  private final List<int[]> ports;

  private EgressPolicy(List<Cidr> networks, List<int[]> ports) {
    this.networks = networks;
    this.ports = ports;
  }

  /** Reads an allow list; a bad entry stops the server with its text rather than being skipped. */
  public static EgressPolicy parse(String allow) {
    List<Cidr> networks = new ArrayList<>();
    List<int[]> ports = new ArrayList<>();
    for (String entry : allow == null ? new String[0] : allow.strip().split("[,\\s]+")) {
      if (entry.isEmpty()) {
        continue;
      }
      if (entry.matches("\\d{1,5}(-\\d{1,5})?")) {
        String[] range = entry.split("-");
        int from = Integer.parseInt(range[0]);
        int to = range.length == 2 ? Integer.parseInt(range[1]) : from;
        if (from < 1 || to > 65535 || from > to) {
          throw new IllegalArgumentException(
              "FORESTALL_EGRESS_ALLOW: '" + entry + "' is not a port or range of ports");
        }
        ports.add(new int[] {from, to});
      } else {
        try {
          networks.add(Cidr.parse(entry));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("FORESTALL_EGRESS_ALLOW: " + e.getMessage());
        }
      }
    }
    return new EgressPolicy(List.copyOf(networks), List.copyOf(ports));
  }

  /** Why {@code address} may not be reached, or empty. */
  Optional<String> refusal(byte[] address) {
    if (networks.stream().anyMatch(n -> n.contains(address))) {
      return Optional.empty();
    }
    return Networks.forbidden(address).map(name -> "is a " + name + " address");
  }

  boolean allowsPort(int port) {
    return port == 80 || port == 443 || ports.stream().anyMatch(r -> r[0] <= port && port <= r[1]);
  }
}
