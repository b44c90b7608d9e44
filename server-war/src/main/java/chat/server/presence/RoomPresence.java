package chat.server.presence;

import chat.dto.RoomOccupant;
import chat.dto.User;
import java.util.List;

/**
 * Who is in each room right now, across every node, counted by sockets: a user with two sockets in a
 * room is there until both leave. The answers of {@link #enter} and {@link #leave} are the transitions,
 * so callers announce a user only when they arrive and when they are gone.
 */
public interface RoomPresence {

  /** Counts one more socket of {@code user} in the room on this node; true when the user just arrived. */
  boolean enter(long roomId, User user);

  /** Counts one socket less on this node; true when the user is now in the room on no node at all. */
  boolean leave(long roomId, User user);

  List<User> members(long roomId);

  /** The users in the room with the nodes their sockets are on. */
  List<RoomOccupant> occupants(long roomId);

  /** How many users are in the room. */
  int online(long roomId);
}
