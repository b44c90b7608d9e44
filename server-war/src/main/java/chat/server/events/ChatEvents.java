package chat.server.events;

/** Sends events to the sockets they concern, wherever those sockets are connected. */
public interface ChatEvents {

  void publish(ChatEvent event);
}
