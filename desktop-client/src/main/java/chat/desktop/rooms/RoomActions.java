package chat.desktop.rooms;

import chat.dto.ChannelState;
import chat.dto.Room;
import java.util.List;

/** What the room list asks of the server. */
public interface RoomActions {

  List<Room> rooms();

  Room createRoom(String name);

  /** Joins over the socket; {@code room_joined} follows. */
  void join(String room);

  void leave(String room);

  /** The user's rooms and conversations, with read markers, unread and mention counts and mutes. */
  List<ChannelState> channels();
}
