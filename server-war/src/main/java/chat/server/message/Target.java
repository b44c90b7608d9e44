package chat.server.message;

import chat.dto.Reply;
import chat.dto.User;

/**
 * A stored message as far as changing or answering it goes: its author, and its room or the two users
 * of its conversation (lower id first), who are the ones to tell; {@code excerpt} is the start of its
 * text, which a reply to it carries; {@code privateRoom} whether its room is seen by its members only.
 */
record Target(
    long id,
    long seq,
    User from,
    String excerpt,
    long roomId,
    String room,
    long conversationId,
    long lowId,
    String lowName,
    long highId,
    String highName,
    boolean privateRoom) {

  boolean inRoom() {
    return roomId != 0;
  }

  Channel channel() {
    return inRoom() ? Channel.room(roomId) : Channel.conversation(conversationId);
  }

  /** Whether {@code destination} is this message's own channel, where a reply to it may go. */
  boolean isIn(Destination destination) {
    return channel().equals(Channel.of(destination));
  }

  /** What a reply to it carries. */
  Reply asReply() {
    return new Reply(id, seq, from, excerpt, null);
  }
}
