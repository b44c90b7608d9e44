package chat.client;

import chat.dto.Message;

/** Where a message lives: a room, or the conversation with one other user. */
public sealed interface Channel {

  record RoomChannel(String room) implements Channel {}

  /** The conversation with {@code username}, as seen by the user of this client. */
  record DirectChannel(String username) implements Channel {}

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
    return direct(message.from().username().equals(me) ? message.to() : message.from().username());
  }
}
