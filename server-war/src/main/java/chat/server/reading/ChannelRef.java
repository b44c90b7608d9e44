package chat.server.reading;

import chat.server.error.ChatException;

/** One of a user's channels as a request names it: a room, or the conversation with a user. */
record ChannelRef(String room, String with) {

  /** Exactly one of the two, or {@code invalid_request}. */
  static ChannelRef of(String room, String with) {
    if ((room == null) == (with == null)) {
      throw ChatException.invalid("name a 'room' or a user ('with'), one of the two");
    }
    return new ChannelRef(room, with);
  }

  boolean isRoom() {
    return room != null;
  }
}
