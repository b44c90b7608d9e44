package chat.dto;

import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;

/** What a client sends over the WebSocket; {@code type} on the wire picks the record. */
@JsonbTypeInfo(
    key = "type",
    value = {
      @JsonbSubtype(alias = "join_room", type = ClientFrame.JoinRoom.class),
      @JsonbSubtype(alias = "leave_room", type = ClientFrame.LeaveRoom.class),
      @JsonbSubtype(alias = "new_chat_message", type = ClientFrame.SendChatMessage.class),
      @JsonbSubtype(alias = "new_direct_message", type = ClientFrame.SendDirectMessage.class),
      @JsonbSubtype(alias = "delete_message", type = ClientFrame.DeleteMessage.class),
      @JsonbSubtype(alias = "ping", type = ClientFrame.Ping.class)
    })
public sealed interface ClientFrame extends Frame {

  /** Join a room; {@code after} (the last id seen) asks for every message since instead of the newest. */
  record JoinRoom(String room, Long after) implements ClientFrame {}

  record LeaveRoom(String room) implements ClientFrame {}

  record SendChatMessage(String room, String text, String clientId) implements ClientFrame {}

  record SendDirectMessage(String to, String text, String clientId) implements ClientFrame {}

  record DeleteMessage(Long id) implements ClientFrame {}

  record Ping() implements ClientFrame {}
}
