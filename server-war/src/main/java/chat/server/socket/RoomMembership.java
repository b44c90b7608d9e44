package chat.server.socket;

import chat.dto.Message;
import chat.dto.Reaction;
import chat.dto.ServerFrame;
import chat.dto.User;
import chat.dto.WireJson;
import chat.server.config.ChatConfig;
import chat.server.error.ChatException;
import chat.server.events.ChatEvents;
import chat.server.events.MembershipEnded;
import chat.server.events.RoomEvent;
import chat.server.events.UserEvent;
import chat.server.message.HistoryRange;
import chat.server.message.MessageService;
import chat.server.presence.RoomPresence;
import chat.server.room.RoomRef;
import chat.server.room.RoomService;
import chat.server.room.Silences;
import java.time.Instant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * A socket joining and leaving rooms: subscription, presence, history and the announcements; and the
 * user's membership, which the first join starts and a leave from any device ends everywhere.
 */
@ApplicationScoped
public class RoomMembership {

  /** A message's JSON beyond its text: ids, names, times. */
  private static final int MESSAGE_OVERHEAD_CHARS = 200;
  /** A reaction's JSON beyond its users' names: the emoji, the count, the field names. */
  private static final int REACTION_OVERHEAD_CHARS = 50;

  private RoomService rooms;
  private LocalSockets sockets;
  private RoomPresence presence;
  private MessageService messages;
  private ChatEvents events;
  private Silences silences;
  /** A catch-up is cut to this (and the client pages on over REST), so it never fills a send queue. */
  private long catchUpChars;

  protected RoomMembership() {}

  @Inject
  RoomMembership(
      RoomService rooms,
      LocalSockets sockets,
      RoomPresence presence,
      MessageService messages,
      ChatEvents events,
      Silences silences,
      ChatConfig config) {
    this.rooms = rooms;
    this.sockets = sockets;
    this.presence = presence;
    this.messages = messages;
    this.events = events;
    this.silences = silences;
    this.catchUpChars = config.sendQueueBytes() / 2;
  }

  /**
   * Subscribes first and holds live frames back, then reads history, so that a message committed while
   * the history is read arrives exactly once: in the history or after it.
   */
  void join(ClientSocket socket, String name, HistoryRange range) {
    if (name == null) {
      throw ChatException.invalid("join_room needs a 'room'");
    }
    RoomRef current = socket.room(name);
    if (current != null && !range.isCatchUp()) {
      // The socket has the history and gets every live message: it is told the members again, and no
      // history is read or sent twice.
      Instant silenced = silencedUntil(current, socket.user());
      socket.send(
          WireJson.toJson(
              new ServerFrame.RoomJoined(current.name(), presence.members(current.id()), List.of(), null, silenced)));
      silenceSince(socket, current, silenced);
      return;
    }
    RoomRef room = current != null ? current : rooms.find(name, socket.user());
    User user = socket.user();
    boolean already = current != null;
    socket.joining(room.id());
    boolean arrived = false;
    if (!already) {
      socket.entered(room);
      sockets.add(room.id(), socket);
      arrived = presence.enter(room.id(), user);
    }
    List<Message> history;
    boolean becameMember = false;
    try {
      if (!already) {
        becameMember = rooms.remember(room.id(), user.id());
      }
      history = messages.joinHistory(user, room, range);
    } catch (RuntimeException e) {
      socket.joinFailed(room.id());
      if (!already) {
        leaveHere(socket, room);
        leavePresence(socket, room);
      }
      throw e;
    }
    // Only a catch-up is cut: the newest page is small, and cutting it would drop the newest messages.
    List<Message> shown = range.isCatchUp() ? fitting(history) : history;
    boolean more = shown.size() < history.size();
    // Live messages held back during the join are dropped if the history has them, or if the client
    // said it has them (an id; one that sends a seq drops its repeats itself).
    // A catch-up is in the order of its changes, not of its ids: its newest message is the largest id.
    long lastShown =
        shown.isEmpty()
            ? (range.after() == null ? 0 : range.after())
            : shown.stream().mapToLong(Message::id).max().getAsLong();
    Instant silenced = silencedUntil(room, user);
    String roomJoined =
        WireJson.toJson(
            new ServerFrame.RoomJoined(room.name(), presence.members(room.id()), shown, more ? true : null, silenced));
    socket.joined(room.id(), lastShown, roomJoined);
    silenceSince(socket, room, silenced);
    if (arrived) {
      String joined = WireJson.toJson(new ServerFrame.MemberJoined(room.name(), user));
      events.publish(RoomEvent.membership(room.id(), user.id(), joined));
    }
    if (becameMember) {
      String member = WireJson.toJson(new ServerFrame.MembershipChanged(room.name(), true));
      events.publish(UserEvent.to(user.id(), member));
    }
  }

  /** Until when the user is silenced in the room, or null: read from memory, as each message is checked. */
  private Instant silencedUntil(RoomRef room, User user) {
    return silences.until(room.id(), user.id()).orElse(null);
  }

  /**
   * A silence set or lifted while the join was answered may have been told to the socket before its
   * {@code room_joined}, read without it: read again now the answer is queued, a change is told after
   * it, so that the last of the two frames says how the user stands.
   */
  private void silenceSince(ClientSocket socket, RoomRef room, Instant told) {
    Instant now = silencedUntil(room, socket.user());
    if (!Objects.equals(now, told)) {
      socket.send(WireJson.toJson(new ServerFrame.Silenced(room.name(), now)));
    }
  }

  /**
   * The first messages of a history within the catch-up limit and the catch-up size; at least one, so
   * that a client paging on always moves forward.
   */
  private List<Message> fitting(List<Message> history) {
    int count = Math.min(history.size(), messages.catchUpLimit());
    long chars = 0;
    for (int i = 0; i < count; i++) {
      chars += length(history.get(i)) + MESSAGE_OVERHEAD_CHARS;
      if (chars > catchUpChars && i > 0) {
        return history.subList(0, i);
      }
    }
    return history.subList(0, count);
  }

  /**
   * The characters a message adds past the fixed overhead: its text, the text it quotes, the names it
   * mentions and its reactions with their names (which can outweigh the text); none for a tombstone.
   */
  private static int length(Message message) {
    int chars = message.text() == null ? 0 : message.text().length();
    if (message.replyTo() != null) {
      chars += MESSAGE_OVERHEAD_CHARS + (message.replyTo().text() == null ? 0 : message.replyTo().text().length());
    }
    if (message.mentions() != null) {
      chars += message.mentions().stream().mapToInt(name -> name.length() + 3).sum();
    }
    if (message.reactions() != null) {
      for (Reaction reaction : message.reactions()) {
        chars += REACTION_OVERHEAD_CHARS + reaction.users().stream().mapToInt(name -> name.length() + 3).sum();
      }
    }
    return chars;
  }

  /**
   * The user leaves the room on every device: this socket at once, the user's other sockets on every
   * node when the end of the membership reaches them ({@link #ended}).
   */
  void leave(ClientSocket socket, String name) {
    RoomRef room = socket.room(name);
    if (room == null) {
      throw ChatException.notFound("you are not in a room named '" + name + "'");
    }
    User user = socket.user();
    rooms.forget(room.id(), user.id());
    socket.send(WireJson.toJson(new ServerFrame.MemberLeft(room.name(), user)));
    leaveHere(socket, room);
    leavePresence(socket, room);
    String member = WireJson.toJson(new ServerFrame.MembershipChanged(room.name(), false));
    events.publish(new MembershipEnded(user.id(), room.id(), member));
  }

  /**
   * Every socket of the user on this node leaves the room and is told that the membership ended, at
   * once; presence, which takes grid calls, is updated on {@code gridWork}, so that the thread that
   * hands out the grid's events does not wait for them.
   */
  public void ended(MembershipEnded ended, Executor gridWork) {
    sockets.forUser(
        ended.userId(),
        socket -> {
          RoomRef room = socket.room(ended.roomId());
          if (room != null) {
            leaveHere(socket, room);
            gridWork.execute(() -> leavePresence(socket, room));
          }
          socket.send(ended.frame());
        });
  }

  /** A closed socket is no longer in its rooms, but the user stays a member of them. */
  void disconnected(ClientSocket socket) {
    for (RoomRef room : socket.rooms()) {
      leaveHere(socket, room);
      leavePresence(socket, room);
    }
  }

  private void leaveHere(ClientSocket socket, RoomRef room) {
    socket.left(room);
    sockets.remove(room.id(), socket);
  }

  private void leavePresence(ClientSocket socket, RoomRef room) {
    if (presence.leave(room.id(), socket.user())) {
      String memberLeft = WireJson.toJson(new ServerFrame.MemberLeft(room.name(), socket.user()));
      events.publish(RoomEvent.membership(room.id(), socket.user().id(), memberLeft));
    }
  }
}
