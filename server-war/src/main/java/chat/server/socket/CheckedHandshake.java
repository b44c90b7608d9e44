package chat.server.socket;

import chat.server.account.Tokens;
import java.security.Principal;

/**
 * What the handshake filter established about a socket's client: its token (whose it is, its version
 * and when it expires) and the address it connects from (the load balancer's word for it, where that
 * is trusted). It reaches the endpoint as the handshake's user principal, the one thing the WebSocket
 * API carries from the HTTP request to the session.
 */
record CheckedHandshake(Tokens.Valid token, String address) implements Principal {

  @Override
  public String getName() {
    return token.user().username();
  }
}
