package chat.server.message;

import chat.dto.User;
import chat.server.room.RoomRef;

/**
 * Where a message goes: a room, or a direct conversation, whose messages name the other user in
 * {@code to}. Exactly one of the two ids is set; {@code toUserId} is the other user's id when the
 * message is being sent, 0 when messages are being read.
 */
record Destination(long roomId, long conversationId, String room, String to, long toUserId) {

  static Destination of(RoomRef room) {
    return new Destination(room.id(), 0, room.name(), null, 0);
  }

  /** A conversation to send to {@code recipient}. */
  static Destination direct(long conversationId, User recipient) {
    return new Destination(0, conversationId, null, recipient.username(), recipient.id());
  }

  /** A conversation to read. */
  static Destination conversation(long conversationId) {
    return new Destination(0, conversationId, null, null, 0);
  }

  boolean isRoom() {
    return roomId != 0;
  }

  Long roomIdOrNull() {
    return isRoom() ? roomId : null;
  }

  Long conversationIdOrNull() {
    return isRoom() ? null : conversationId;
  }
}
