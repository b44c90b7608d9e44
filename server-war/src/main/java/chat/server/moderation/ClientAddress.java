package chat.server.moderation;

import chat.server.platform.ChatConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The address a request comes from: the connection's peer, or, when the peer is a trusted load
 * balancer, the address it says connected to it, the last entry of {@code X-Forwarded-For} (the one it
 * appended; earlier entries are the client's to forge).
 */
@ApplicationScoped
public class ClientAddress {

  private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private Set<String> trustedProxies;

  protected ClientAddress() {}

  @Inject
  ClientAddress(ChatConfig config) {
    this.trustedProxies =
        config.trustedProxies().stream().map(ClientAddress::canonical).collect(Collectors.toSet());
  }

  public String of(HttpServletRequest request) {
    String peer = canonical(request.getRemoteAddr());
    if (!trustedProxies.contains(peer)) {
      return peer;
    }
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded == null) {
      return peer;
    }
    String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).trim();
    return IP_LITERAL.matcher(last).matches() ? canonical(last) : peer;
  }

  /**
   * One spelling per address (Java's), whether it came from a socket, a header or PostgreSQL, which
   * writes IPv6 addresses shorter. Only literals come here, so nothing is looked up.
   */
  static String canonical(String literal) {
    try {
      return InetAddress.getByName(literal).getHostAddress();
    } catch (UnknownHostException e) {
      return literal;
    }
  }
}
