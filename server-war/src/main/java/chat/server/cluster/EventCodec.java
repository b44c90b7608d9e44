package chat.server.cluster;

import chat.server.events.RoomEvent;

/**
 * Events travel as plain strings, {@code roomId:messageId:skipUserId:frame}: a JDK type every member
 * deserializes without the application's classes, and the frame inside is already the wire JSON.
 */
final class EventCodec {

  private EventCodec() {}

  static String encode(RoomEvent event) {
    return event.roomId() + ":" + event.messageId() + ":" + event.skipUserId() + ":" + event.frame();
  }

  static RoomEvent decode(String encoded) {
    int first = encoded.indexOf(':');
    int second = encoded.indexOf(':', first + 1);
    int third = encoded.indexOf(':', second + 1);
    return new RoomEvent(
        Long.parseLong(encoded, 0, first, 10),
        Long.parseLong(encoded, first + 1, second, 10),
        Long.parseLong(encoded, second + 1, third, 10),
        encoded.substring(third + 1));
  }
}
