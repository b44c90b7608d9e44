package chat.server.socket;

import chat.server.events.ChatEvent;
import chat.server.events.RoomEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** This node's sockets by room, and delivery of room events to them. */
@ApplicationScoped
public class RoomSockets {

  private final Map<Long, Set<Connection>> byRoom = new ConcurrentHashMap<>();
  private final Set<Connection> all = ConcurrentHashMap.newKeySet();

  protected RoomSockets() {}

  @Inject
  RoomSockets(MetricRegistry metrics) {
    metrics.gauge("chat_sockets", all, Set::size);
  }

  /** Hands an event to this node's sockets it concerns; called for every event of the cluster. */
  public void deliver(ChatEvent event) {
    if (event instanceof RoomEvent roomEvent) {
      deliver(roomEvent);
    } else {
      all.forEach(socket -> socket.send(event.frame()));
    }
  }

  private void deliver(RoomEvent event) {
    Set<Connection> sockets = byRoom.get(event.roomId());
    if (sockets == null) {
      return;
    }
    for (Connection socket : sockets) {
      if (socket.user().id() != event.skipUserId()) {
        socket.deliver(event.roomId(), event.messageId(), event.frame());
      }
    }
  }

  void opened(Connection socket) {
    all.add(socket);
  }

  void closed(Connection socket) {
    all.remove(socket);
  }

  void add(long roomId, Connection socket) {
    byRoom.computeIfAbsent(roomId, id -> ConcurrentHashMap.newKeySet()).add(socket);
  }

  void remove(long roomId, Connection socket) {
    byRoom.computeIfPresent(
        roomId,
        (id, sockets) -> {
          sockets.remove(socket);
          return sockets.isEmpty() ? null : sockets;
        });
  }

  Set<Connection> all() {
    return all;
  }

  public int count() {
    return all.size();
  }
}
