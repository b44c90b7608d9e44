package chat.server.message;

/** A room or a conversation by its row id: what a message's seq counts within. */
record Channel(boolean isRoom, long id) {

  static Channel room(long id) {
    return new Channel(true, id);
  }

  static Channel conversation(long id) {
    return new Channel(false, id);
  }

  static Channel of(Destination destination) {
    return destination.isRoom() ? room(destination.roomId()) : conversation(destination.conversationId());
  }

  /** One message's place: its channel and its number there. */
  record Seq(Channel channel, long seq) {}
}
