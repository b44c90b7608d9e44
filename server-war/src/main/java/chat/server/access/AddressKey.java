package chat.server.access;

/**
 * What a per-address limit counts by: an IPv4 address, or an IPv6 client's /64. One IPv6 host is
 * usually handed a whole /64, so counting single IPv6 addresses would give it 2^64 budgets.
 */
public final class AddressKey {

  private AddressKey() {}

  /** {@code address} is a literal in Java's spelling (ClientAddress makes it so). */
  public static String of(String address) {
    if (address.indexOf(':') < 0) {
      return address;
    }
    int end = 0;
    for (int groups = 0; groups < 4; groups++) {
      end = address.indexOf(':', end) + 1;
      if (end == 0) {
        return address;
      }
    }
    return address.substring(0, end) + ":/64";
  }
}
