package chat.server.events;

/** Sends events to the sockets they concern, wherever those sockets are connected. */
public interface ChatEvents {

  void publish(ChatEvent event);

  /**
   * Runs {@code work}, and sends the events it publishes on this thread together, in order, once it is
   * done: one message between nodes for a stored batch rather than one per message it holds. A failure
   * to send them is logged, not thrown: {@code work} has already happened.
   */
  void together(Runnable work);
}
