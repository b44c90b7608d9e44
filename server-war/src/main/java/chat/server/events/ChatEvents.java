package chat.server.events;

import java.util.List;

/** Sends events to the sockets they concern, wherever those sockets are connected. */
public interface ChatEvents {

  /** Sends one event; throws when the cluster will not take it (the node is stopping). */
  default void publish(ChatEvent event) {
    publishAll(List.of(event));
  }

  /**
   * Sends events as one message between nodes, delivered everywhere in this order: a stored batch's
   * messages travel in one rather than one each. Throws, having sent none, when the cluster will not
   * take them.
   */
  void publishAll(List<ChatEvent> events);
}
