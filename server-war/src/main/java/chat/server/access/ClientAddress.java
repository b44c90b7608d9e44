package chat.server.access;

import chat.server.config.ChatConfig;
import chat.server.error.ChatException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address a request comes from: the connection's peer, or, when the peer is a trusted load
 * balancer, the address that balancer says connected to it. That is the last entry of the last
 * {@code X-Forwarded-For} line: a balancer that appends (HAProxy's {@code option forwardfor} adds a
 * line of its own) writes after whatever the client sent, so everything before it is the client's to
 * forge. Only address literals are taken, and nothing is ever looked up in DNS.
 */
@ApplicationScoped
public class ClientAddress {

  private static final Pattern IPV4 =
      Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private List<AddressRange> trustedProxies;

  protected ClientAddress() {}

  @Inject
  ClientAddress(ChatConfig config) {
    this(config.trustedProxies());
  }

  ClientAddress(Collection<String> trustedProxies) {
    this.trustedProxies =
        trustedProxies.stream()
            .map(
                proxy ->
                    AddressRange.parse(proxy)
                        .orElseThrow(
                            () ->
                                new IllegalArgumentException(
                                    "CHAT_TRUSTED_PROXIES takes addresses or CIDR blocks, not names: " + proxy)))
            .toList();
  }

  public String of(HttpServletRequest request) {
    return of(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
  }

  /** From the connection's peer and the request's {@code X-Forwarded-For} lines, in order. */
  String of(String peerAddress, List<String> forwardedFor) {
    String peer = canonical(peerAddress);
    if (forwardedFor.isEmpty() || trustedProxies.stream().noneMatch(range -> range.contains(peer))) {
      return peer;
    }
    String line = forwardedFor.get(forwardedFor.size() - 1);
    String last = line.substring(line.lastIndexOf(',') + 1).trim();
    return literal(last)
        .orElseThrow(
            () -> ChatException.invalid("the load balancer's X-Forwarded-For does not end with an address"));
  }

  /**
   * An IPv4 or IPv6 literal in Java's spelling, or empty for anything else. The shapes are checked
   * first because {@link InetAddress#getByName} looks up anything that is not a literal.
   */
  static Optional<String> literal(String text) {
    boolean shaped = IPV4.matcher(text).matches() || (text.indexOf(':') >= 0 && IPV6.matcher(text).matches());
    if (!shaped) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(text).getHostAddress());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /**
   * One spelling per address (Java's), whether it came from a socket or PostgreSQL, which writes IPv6
   * addresses shorter. Only literals come here.
   */
  static String canonical(String literal) {
    return literal(literal).orElse(literal);
  }
}
