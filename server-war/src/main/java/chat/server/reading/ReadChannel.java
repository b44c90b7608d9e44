package chat.server.reading;

import chat.dto.User;

/**
 * A channel a marker or a mute is for, as found: its id, its last seq, and whom the frames about it
 * name (the room as created, or the other user of a conversation).
 */
record ReadChannel(long id, boolean isRoom, long lastSeq, String roomName, User other) {

  static ReadChannel room(long id, String name, long lastSeq) {
    return new ReadChannel(id, true, lastSeq, name, null);
  }

  static ReadChannel conversation(long id, User other, long lastSeq) {
    return new ReadChannel(id, false, lastSeq, null, other);
  }

  String with() {
    return other == null ? null : other.username();
  }
}
