package chat.server.message;

import chat.dto.Message;

/** What became of a stored message: passed on to its channel, or to go back to its sender alone. */
public sealed interface PostOutcome {

  Message message();

  /** Sent to everyone in its channel, the sender's sockets included: that is their acknowledgement. */
  record PassedOn(Message message) implements PostOutcome {}

  /**
   * For the sender alone: the original of a {@code clientId} used before in another channel, which is
   * not sent to this one, or a message the cluster would not take (the node is stopping). The others
   * see the gap at their channel's next message and fetch it (docs/decisions/0015).
   */
  record SenderAlone(Message message) implements PostOutcome {}
}
