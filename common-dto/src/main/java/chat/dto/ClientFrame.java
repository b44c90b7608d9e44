package chat.dto;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import java.util.List;

/** What a client sends over the WebSocket; {@code type} on the wire picks the record. */
@JsonbTypeInfo(
    key = "type",
    value = {
      @JsonbSubtype(alias = "join_room", type = ClientFrame.JoinRoom.class),
      @JsonbSubtype(alias = "leave_room", type = ClientFrame.LeaveRoom.class),
      @JsonbSubtype(alias = "new_chat_message", type = ClientFrame.SendChatMessage.class),
      @JsonbSubtype(alias = "new_direct_message", type = ClientFrame.SendDirectMessage.class),
      @JsonbSubtype(alias = "delete_message", type = ClientFrame.DeleteMessage.class),
      @JsonbSubtype(alias = "edit_message", type = ClientFrame.EditMessage.class),
      @JsonbSubtype(alias = "react", type = ClientFrame.React.class),
      @JsonbSubtype(alias = "mark_read", type = ClientFrame.MarkRead.class),
      @JsonbSubtype(alias = "typing", type = ClientFrame.Typing.class),
      @JsonbSubtype(alias = "ping", type = ClientFrame.Ping.class)
    })
public sealed interface ClientFrame extends Frame {

  /**
   * Join a room. {@code afterSeq} (the highest seq below which the client has every message) asks for
   * every message after it instead of the newest; {@code after}, an id, is the older way to ask.
   * {@code changes} asks the catch-up for the edits, reactions and deletions since as well.
   */
  record JoinRoom(String room, Long afterSeq, Long after, Boolean changes) implements ClientFrame {

    /** The constructor JSON-B binds to: a record with a second constructor leaves it none by default. */
    @JsonbCreator
    public JoinRoom {}

    public JoinRoom(String room, Long afterSeq, Long after) {
      this(room, afterSeq, after, null);
    }

    /** A plain join: the room's newest messages. */
    public JoinRoom(String room) {
      this(room, null, null, null);
    }

    /** A catch-up: every message sent after {@code afterSeq}. */
    public static JoinRoom afterSeq(String room, long afterSeq) {
      return new JoinRoom(room, afterSeq, null, null);
    }

    /** A catch-up of everything after {@code afterSeq}: messages sent, and messages changed, since. */
    public static JoinRoom changesAfter(String room, long afterSeq) {
      return new JoinRoom(room, afterSeq, null, true);
    }
  }

  record LeaveRoom(String room) implements ClientFrame {}

  /**
   * A message to a room; {@code replyTo}, if set, the id of the message of the room it answers, and
   * {@code files} the sender's uploads it carries (docs/protocol.md, "Files").
   */
  record SendChatMessage(String room, String text, String clientId, Long replyTo, List<Long> files) implements ClientFrame {

    @JsonbCreator
    public SendChatMessage {}

    public SendChatMessage(String room, String text, String clientId) {
      this(room, text, clientId, null, null);
    }

    public SendChatMessage(String room, String text, String clientId, Long replyTo) {
      this(room, text, clientId, replyTo, null);
    }
  }

  /** A message to a friend; {@code replyTo} as for rooms, a message of the conversation. */
  record SendDirectMessage(String to, String text, String clientId, Long replyTo, List<Long> files) implements ClientFrame {

    @JsonbCreator
    public SendDirectMessage {}

    public SendDirectMessage(String to, String text, String clientId) {
      this(to, text, clientId, null, null);
    }

    public SendDirectMessage(String to, String text, String clientId, Long replyTo) {
      this(to, text, clientId, replyTo, null);
    }
  }

  record DeleteMessage(Long id) implements ClientFrame {}

  /** The author's new text for their message {@code id}. */
  record EditMessage(Long id, String text) implements ClientFrame {}

  /** Adds ({@code on}) or takes back the caller's {@code emoji} on message {@code id}. */
  record React(Long id, String emoji, Boolean on) implements ClientFrame {}

  /** The user has read the room, or the conversation {@code with} a user, up to {@code seq}. */
  record MarkRead(String room, String with, Long seq) implements ClientFrame {}

  /** The user is typing in the room, or to the friend {@code to}. */
  record Typing(String room, String to) implements ClientFrame {}

  record Ping() implements ClientFrame {}
}
