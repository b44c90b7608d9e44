package chat.dto;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the server sends over the WebSocket; {@code type} on the wire picks the record. */
@JsonbTypeInfo(
    key = "type",
    value = {
      @JsonbSubtype(alias = "welcome", type = ServerFrame.Welcome.class),
      @JsonbSubtype(alias = "room_joined", type = ServerFrame.RoomJoined.class),
      @JsonbSubtype(alias = "member_joined", type = ServerFrame.MemberJoined.class),
      @JsonbSubtype(alias = "member_left", type = ServerFrame.MemberLeft.class),
      @JsonbSubtype(alias = "new_chat_message", type = ServerFrame.ChatMessagePosted.class),
      @JsonbSubtype(alias = "new_direct_message", type = ServerFrame.DirectMessagePosted.class),
      @JsonbSubtype(alias = "message_updated", type = ServerFrame.MessageUpdated.class),
      @JsonbSubtype(alias = "message_deleted", type = ServerFrame.MessageDeleted.class),
      @JsonbSubtype(alias = "friend_request", type = ServerFrame.FriendRequested.class),
      @JsonbSubtype(alias = "friend_added", type = ServerFrame.FriendAdded.class),
      @JsonbSubtype(alias = "friend_removed", type = ServerFrame.FriendRemoved.class),
      @JsonbSubtype(alias = "identity_changed", type = ServerFrame.IdentityChanged.class),
      @JsonbSubtype(alias = "notification", type = ServerFrame.Notification.class),
      @JsonbSubtype(alias = "membership", type = ServerFrame.MembershipChanged.class),
      @JsonbSubtype(alias = "read", type = ServerFrame.Read.class),
      @JsonbSubtype(alias = "muted", type = ServerFrame.Muted.class),
      @JsonbSubtype(alias = "typing", type = ServerFrame.Typing.class),
      @JsonbSubtype(alias = "silenced", type = ServerFrame.Silenced.class),
      @JsonbSubtype(alias = "banned", type = ServerFrame.Banned.class),
      @JsonbSubtype(alias = "ping", type = ServerFrame.AdminPing.class),
      @JsonbSubtype(alias = "pong", type = ServerFrame.Pong.class),
      @JsonbSubtype(alias = "error", type = ServerFrame.RequestFailed.class)
    })
public sealed interface ServerFrame extends Frame {

  /**
   * First frame on every socket; {@code heartbeat} is how often, in seconds, the client should ping,
   * {@code limits} what the client must keep to, and {@code rooms} the rooms the user is a member of,
   * which a client joins.
   */
  record Welcome(User user, String node, int heartbeat, Limits limits, List<String> rooms)
      implements ServerFrame {}

  /**
   * The answer to a join: who is in the room and its history in ascending id order. {@code more} is
   * true when a catch-up was longer than one frame may carry; the rest comes from the REST history.
   * {@code silencedUntil} is until when a moderator silenced the user joining, while they are: a
   * client learns it at every join, after a reload or a reconnect too.
   */
  record RoomJoined(String room, List<User> members, List<Message> history, Boolean more, Instant silencedUntil)
      implements ServerFrame {

    /** The answer to a join of a user who may speak in the room. */
    public RoomJoined(String room, List<User> members, List<Message> history, Boolean more) {
      this(room, members, history, more, null);
    }

    /** The constructor JSON-B binds to: a record with a second constructor leaves it none by default. */
    @JsonbCreator
    public RoomJoined {}
  }

  record MemberJoined(String room, User user) implements ServerFrame {}

  record MemberLeft(String room, User user) implements ServerFrame {}

  record ChatMessagePosted(Message message) implements ServerFrame {}

  record DirectMessagePosted(Message message) implements ServerFrame {}

  /**
   * A message changed (its text, its reactions): {@code message} is it as it now is, its
   * {@code changedSeq} the change's number in its channel. A reaction names who reacted, so that each
   * of their sockets knows the reaction is theirs.
   */
  record MessageUpdated(Message message, Reacted reacted) implements ServerFrame {}

  /** Who added ({@code on}) or took back an emoji. */
  record Reacted(String username, String emoji, boolean on) {}

  /**
   * A message is gone; {@code room} or {@code with} (the other user of a conversation) says where,
   * {@code seq} is the deletion's number in that channel and {@code messageSeq} the message's own, so
   * that a client counts both: the message, should it come late from another node, is no news.
   */
  record MessageDeleted(long id, String room, String with, Long seq, Long messageSeq) implements ServerFrame {}

  record FriendRequested(User user) implements ServerFrame {}

  record FriendAdded(User user) implements ServerFrame {}

  record FriendRemoved(User user) implements ServerFrame {}

  /** Someone's profile changed: every place that shows {@code user} shows it as it is now. */
  record IdentityChanged(User user) implements ServerFrame {}

  /** A service's notice for this user: {@code kind} and {@code data} are the service's own. */
  record Notification(User from, String kind, JsonValue data) implements ServerFrame {}

  /** The user became a member of {@code room}, or is one no longer, on whichever device. */
  record MembershipChanged(String room, boolean member) implements ServerFrame {}

  /** The user has read the room, or the conversation {@code with} a user, up to {@code seq}. */
  record Read(String room, String with, long seq) implements ServerFrame {}

  /** The user muted the room, or the conversation {@code with} a user, or unmuted it. */
  record Muted(String room, String with, boolean muted) implements ServerFrame {}

  /**
   * A moderator silenced the user in {@code room} until {@code until}, or lifted it (no {@code until}):
   * their messages there are refused until then, on every node.
   */
  record Silenced(String room, Instant until) implements ServerFrame {}

  /** {@code user} is typing in {@code room}, or, without one, to the one who gets this. */
  record Typing(String room, User user) implements ServerFrame {}

  /** Sent just before the server closes a banned user's socket with 4003. */
  record Banned(String reason) implements ServerFrame {}

  /** An administrator's ping, sent to every socket of the cluster; {@code from} names the node. */
  record AdminPing(String from) implements ServerFrame {}

  record Pong() implements ServerFrame {}

  /**
   * A request failed; {@code ref} is its {@code clientId} when it had one, or for a join
   * {@code join_room:NAME}. The socket stays open.
   */
  record RequestFailed(String code, String message, String ref) implements ServerFrame {

    private static final String JOIN_REF = "join_room:";

    public static RequestFailed of(ErrorCode code, String message, String ref) {
      return new RequestFailed(code.wire(), message, ref);
    }

    /** The {@code ref} that names a refused join of {@code room}. */
    public static String joinRef(String room) {
      return JOIN_REF + room;
    }

    /** The room whose join this refuses, if it refuses a join. */
    public Optional<String> refusedJoin() {
      return ref != null && ref.startsWith(JOIN_REF) ? Optional.of(ref.substring(JOIN_REF.length())) : Optional.empty();
    }
  }
}
