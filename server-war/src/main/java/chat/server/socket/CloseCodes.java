package chat.server.socket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCode;

/** The close codes the node uses beyond the standard ones; docs/protocol.md lists them all. */
final class CloseCodes {

  static final CloseCode UNAUTHORIZED = CloseReason.CloseCodes.getCloseCode(4001);

  /** A banned user or address: the socket gets a {@code banned} frame first. */
  static final CloseCode BANNED = CloseReason.CloseCodes.getCloseCode(4003);

  /** The client reads too slowly: more than CHAT_SEND_QUEUE_BYTES waited for it, and was dropped. */
  static final CloseCode TOO_SLOW = CloseReason.CloseCodes.getCloseCode(4008);

  private CloseCodes() {}
}
