package chat.server.events;

/** Something sockets must hear about, with its frame already encoded. */
public sealed interface ChatEvent permits RoomEvent, Broadcast {

  String frame();
}
