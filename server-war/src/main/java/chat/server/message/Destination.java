package chat.server.message;

import chat.server.room.RoomRef;

/**
 * Where a message goes: a room, or a direct conversation, whose messages name the other user in
 * {@code to}. Exactly one of the two ids is set.
 */
record Destination(long roomId, long conversationId, String room, String to) {

  static Destination of(RoomRef room) {
    return new Destination(room.id(), 0, room.name(), null);
  }

  static Destination direct(long conversationId, String to) {
    return new Destination(0, conversationId, null, to);
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
