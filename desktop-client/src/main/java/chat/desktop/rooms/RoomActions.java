package chat.desktop.rooms;

import chat.dto.ChannelState;
import chat.dto.Room;
import java.util.List;

/** What the room list asks of the server. */
public interface RoomActions {

  List<Room> rooms();

  /** A new room; a private one is seen by its members only, and its creator is the first. */
  Room createRoom(String name, boolean privateRoom);

  /** Joins over the socket; {@code room_joined} follows. */
  void join(String room);

  void leave(String room);

  /** The user's rooms and conversations, with read markers, unread and mention counts and mutes. */
  List<ChannelState> channels();
}
