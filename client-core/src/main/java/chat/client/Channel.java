package chat.client;

import chat.dto.Message;

/**
 * Where a message lives: a room, or the conversation with one other user. Names compare ignoring case,
 * as the server compares them, and keep the spelling they were made with for display.
 */
public sealed interface Channel {

  record RoomChannel(String room) implements Channel {

    @Override
    public boolean equals(Object other) {
      return other instanceof RoomChannel that && ChatNames.same(room, that.room);
    }

    @Override
    public int hashCode() {
      return ChatNames.key(room).hashCode();
    }
  }

  /** The conversation with {@code username}, as seen by the user of this client. */
  record DirectChannel(String username) implements Channel {

    @Override
    public boolean equals(Object other) {
      return other instanceof DirectChannel that && ChatNames.same(username, that.username);
    }

    @Override
    public int hashCode() {
      return ChatNames.key(username).hashCode();
    }
  }

  static Channel room(String name) {
    return new RoomChannel(name);
  }

  static Channel direct(String username) {
    return new DirectChannel(username);
  }

  /** The channel of {@code message} from the point of view of {@code me}. */
  static Channel of(Message message, String me) {
    if (message.room() != null) {
      return room(message.room());
    }
    return direct(ChatNames.same(message.from().username(), me) ? message.to() : message.from().username());
  }
}
