package chat.server.events;

/**
 * A frame for everyone in a room, already encoded so it is encoded once however many receive it.
 *
 * @param fromUserId the author of the message it carries, or 0; sockets whose user blocks the author
 *     drop it
 * @param messageId the message it carries, or 0; a socket still loading the room's history uses it to
 *     drop what the history already holds
 * @param skipUserId a user whose sockets do not get it (the one who joined, for {@code member_joined}),
 *     or 0
 */
public record RoomEvent(long roomId, long messageId, long skipUserId, long fromUserId, String frame)
    implements ChatEvent {

  public static RoomEvent message(long roomId, long messageId, long fromUserId, String frame) {
    return new RoomEvent(roomId, messageId, 0, fromUserId, frame);
  }

  public static RoomEvent membership(long roomId, long skipUserId, String frame) {
    return new RoomEvent(roomId, 0, skipUserId, 0, frame);
  }

  /**
   * A change to a message of the room (an edit, a reaction): not dropped by a socket still loading the
   * room's history, which may hold the message as it was, and not for those who block its author.
   */
  public static RoomEvent change(long roomId, long authorId, String frame) {
    return new RoomEvent(roomId, 0, 0, authorId, frame);
  }

  /** For everyone in the room, with nothing to skip or filter (a deletion). */
  public static RoomEvent notice(long roomId, String frame) {
    return new RoomEvent(roomId, 0, 0, 0, frame);
  }
}
