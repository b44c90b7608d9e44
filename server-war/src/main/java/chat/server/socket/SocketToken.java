package chat.server.socket;

import chat.server.error.ChatException;
import chat.server.input.Authorization;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a socket's token travels: in the handshake's {@code Authorization: Bearer} header, from a
 * client that can set one, or as the subprotocol {@code bearer.<token>} offered beside {@code chat},
 * from a browser, which cannot. Never in the URL: URLs are what balancers, proxies and servers log, so a
 * token there is refused rather than used.
 */
final class SocketToken {

  static final String SUBPROTOCOL = "chat";
  static final String BEARER_PROTOCOL_PREFIX = "bearer.";
  private static final String SUBPROTOCOL_HEADER = "Sec-WebSocket-Protocol";

  private SocketToken() {}

  /** The handshake's token, or null when it carries none (which verifying then refuses). */
  static String of(HttpServletRequest request) {
    if (request.getParameter("token") != null) {
      throw ChatException.invalid(
          "a token in the URL is refused, as URLs get logged: send it as Authorization: Bearer <token>"
              + " or as the subprotocol bearer.<token> beside chat");
    }
    String header = Authorization.credentials(request.getHeader("Authorization"), "Bearer");
    return header != null ? header : offeredAsSubprotocol(request.getHeader(SUBPROTOCOL_HEADER));
  }

  private static String offeredAsSubprotocol(String offered) {
    if (offered == null) {
      return null;
    }
    for (String protocol : offered.split(",")) {
      String trimmed = protocol.trim();
      if (trimmed.startsWith(BEARER_PROTOCOL_PREFIX)) {
        return trimmed.substring(BEARER_PROTOCOL_PREFIX.length());
      }
    }
    return null;
  }
}
