package chat.desktop.rooms;

import chat.dto.Room;
import java.util.List;

/** What the room list asks of the server. */
public interface RoomActions {

  List<Room> rooms();

  Room createRoom(String name);

  /** Joins over the socket; {@code room_joined} follows. */
  void join(String room);

  void leave(String room);
}
