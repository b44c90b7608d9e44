package chat.server.socket;

import chat.dto.Message;
import chat.dto.ServerFrame;
import chat.dto.User;
import chat.dto.WireJson;
import chat.server.events.ChatEvents;
import chat.server.events.RoomEvent;
import chat.server.message.MessageService;
import chat.server.platform.ChatException;
import chat.server.presence.RoomPresence;
import chat.server.room.RoomRef;
import chat.server.room.RoomService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** A socket joining and leaving rooms: subscription, presence, history and the announcements. */
@ApplicationScoped
public class RoomMembership {

  private RoomService rooms;
  private LocalSockets sockets;
  private RoomPresence presence;
  private MessageService messages;
  private ChatEvents events;

  protected RoomMembership() {}

  @Inject
  RoomMembership(
      RoomService rooms,
      LocalSockets sockets,
      RoomPresence presence,
      MessageService messages,
      ChatEvents events) {
    this.rooms = rooms;
    this.sockets = sockets;
    this.presence = presence;
    this.messages = messages;
    this.events = events;
  }

  /**
   * Subscribes first and holds live frames back, then reads history, so that a message committed while
   * the history is read arrives exactly once: in the history or after it.
   */
  void join(Connection socket, String name, Long after) {
    if (name == null) {
      throw ChatException.invalid("join_room needs a 'room'");
    }
    RoomRef room = rooms.find(name);
    User user = socket.user();
    boolean already = socket.room(room.name()) != null;
    socket.joining(room.id());
    boolean arrived = false;
    if (!already) {
      socket.entered(room);
      sockets.add(room.id(), socket);
      arrived = presence.enter(room.id(), user);
    }
    List<Message> history;
    try {
      if (!already) {
        rooms.remember(room.id(), user.id());
      }
      history = messages.joinHistory(user, room, after);
    } catch (RuntimeException e) {
      socket.joinFailed(room.id());
      if (!already) {
        exit(socket, room, WireJson.toJson(new ServerFrame.MemberLeft(room.name(), user)));
      }
      throw e;
    }
    boolean more = history.size() > messages.catchUpLimit();
    List<Message> shown = more ? history.subList(0, messages.catchUpLimit()) : history;
    long lastShown = shown.isEmpty() ? (after == null ? 0 : after) : shown.get(shown.size() - 1).id();
    String roomJoined =
        WireJson.toJson(
            new ServerFrame.RoomJoined(room.name(), presence.members(room.id()), shown, more ? true : null));
    socket.joined(room.id(), lastShown, roomJoined);
    if (arrived) {
      String joined = WireJson.toJson(new ServerFrame.MemberJoined(room.name(), user));
      events.publish(RoomEvent.membership(room.id(), user.id(), joined));
    }
  }

  void leave(Connection socket, String name) {
    RoomRef room = socket.room(name);
    if (room == null) {
      throw ChatException.notFound("you are not in a room named '" + name + "'");
    }
    rooms.forget(room.id(), socket.user().id());
    String left = WireJson.toJson(new ServerFrame.MemberLeft(room.name(), socket.user()));
    socket.send(left);
    exit(socket, room, left);
  }

  /** A closed socket is no longer in its rooms, but the user stays a member of them. */
  void disconnected(Connection socket) {
    for (RoomRef room : socket.rooms()) {
      exit(socket, room, WireJson.toJson(new ServerFrame.MemberLeft(room.name(), socket.user())));
    }
  }

  private void exit(Connection socket, RoomRef room, String memberLeft) {
    socket.left(room);
    sockets.remove(room.id(), socket);
    if (presence.leave(room.id(), socket.user())) {
      events.publish(RoomEvent.membership(room.id(), socket.user().id(), memberLeft));
    }
  }
}
