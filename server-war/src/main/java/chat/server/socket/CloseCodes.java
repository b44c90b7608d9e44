package chat.server.socket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCode;

/** The close codes the node uses beyond the standard ones; docs/protocol.md lists them all. */
final class CloseCodes {

  static final CloseCode UNAUTHORIZED = CloseReason.CloseCodes.getCloseCode(4001);
  /** The client reads too slowly: its send queue overflowed and the frames behind were dropped. */
  /** A banned user or address: the socket gets a {@code banned} frame first. */
  static final CloseCode BANNED = CloseReason.CloseCodes.getCloseCode(4003);

  static final CloseCode TOO_SLOW = CloseReason.CloseCodes.getCloseCode(4008);

  private CloseCodes() {}
}
