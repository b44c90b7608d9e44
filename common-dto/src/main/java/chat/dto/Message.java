package chat.dto;

import java.time.Instant;

/**
 * A stored message. {@code seq} numbers it within its room or conversation, 1, 2, 3, ..., so that a
 * client can tell a gap from a quiet channel. A room message names its {@code room}, a direct message
 * names its recipient in {@code to}; {@code clientId} is the sender's own key for it, echoed so a sender
 * can match its acknowledgement.
 */
public record Message(
    long id, long seq, String room, String to, User from, String text, Instant sentAt, String clientId) {

  /**
   * The id alone: it tells stored messages apart, and JSON-B hashes each object it writes (its cycle
   * check), where the generated hash over every component, text and sender included, was a fifth of
   * the cost of fanning a message out.
   */
  @Override
  public int hashCode() {
    return Long.hashCode(id);
  }
}
