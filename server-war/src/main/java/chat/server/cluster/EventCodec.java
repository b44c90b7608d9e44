package chat.server.cluster;

import chat.server.events.Broadcast;
import chat.server.events.ChatEvent;
import chat.server.events.RoomEvent;

/**
 * Events travel as plain strings, {@code R:roomId:messageId:skipUserId:frame} or {@code B:frame}: a JDK
 * type every member deserializes without the application's classes, and the frame inside is already
 * the wire JSON.
 */
final class EventCodec {

  private EventCodec() {}

  static String encode(ChatEvent event) {
    if (event instanceof RoomEvent room) {
      return "R:" + room.roomId() + ":" + room.messageId() + ":" + room.skipUserId() + ":" + room.frame();
    }
    return "B:" + event.frame();
  }

  static ChatEvent decode(String encoded) {
    if (encoded.startsWith("B:")) {
      return new Broadcast(encoded.substring(2));
    }
    int first = encoded.indexOf(':', 2);
    int second = encoded.indexOf(':', first + 1);
    int third = encoded.indexOf(':', second + 1);
    return new RoomEvent(
        Long.parseLong(encoded, 2, first, 10),
        Long.parseLong(encoded, first + 1, second, 10),
        Long.parseLong(encoded, second + 1, third, 10),
        encoded.substring(third + 1));
  }
}
