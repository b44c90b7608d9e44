package chat.server.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * One address or a CIDR block of them ({@code 10.40.0.0/20}, {@code fd00::/8}). A balancer in the
 * cloud has no fixed address, only the subnets it may take addresses in, so the trusted proxies are
 * given as ranges.
 */
record AddressRange(byte[] network, int prefixBits) {

  /** Empty unless {@code text} is an address literal, optionally with a prefix length in range. */
  static Optional<AddressRange> parse(String text) {
    int slash = text.indexOf('/');
    Optional<String> literal = ClientAddress.literal(slash < 0 ? text : text.substring(0, slash));
    if (literal.isEmpty()) {
      return Optional.empty();
    }
    byte[] network = bytes(literal.get());
    int bits = network.length * 8;
    if (slash >= 0) {
      String prefix = text.substring(slash + 1);
      if (!prefix.matches("[0-9]{1,3}") || Integer.parseInt(prefix) > bits) {
        return Optional.empty();
      }
      bits = Integer.parseInt(prefix);
    }
    return Optional.of(new AddressRange(network, bits));
  }

  /** {@code literal} is an address in Java's spelling (ClientAddress makes it so). */
  boolean contains(String literal) {
    byte[] address = bytes(literal);
    if (address.length != network.length) {
      return false;
    }
    for (int bit = 0; bit < prefixBits; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  /** Only for literals, which InetAddress parses without a lookup. */
  private static byte[] bytes(String literal) {
    try {
      return InetAddress.getByName(literal).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an address literal: " + literal, e);
    }
  }
}
