package chat.server.presence;

import chat.dto.User;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is in each room, counted by sockets: a user with two sockets in a room is there until both leave.
 * Kept on this node; the answers are the transitions, so callers announce a user only when they arrive
 * and when they are gone.
 */
@ApplicationScoped
public class RoomPresence {

  private final Map<Long, Map<User, Integer>> rooms = new ConcurrentHashMap<>();

  /** Counts one more socket of {@code user} in the room; true when the user was not there before. */
  public boolean enter(long roomId, User user) {
    boolean[] arrived = {false};
    rooms.compute(
        roomId,
        (id, users) -> {
          Map<User, Integer> present = users == null ? new ConcurrentHashMap<>() : users;
          arrived[0] = present.merge(user, 1, Integer::sum) == 1;
          return present;
        });
    return arrived[0];
  }

  /** Counts one socket less; true when that was the user's last socket in the room. */
  public boolean leave(long roomId, User user) {
    boolean[] gone = {false};
    rooms.computeIfPresent(
        roomId,
        (id, users) -> {
          if (!users.containsKey(user)) {
            return users;
          }
          Integer left = users.computeIfPresent(user, (u, sockets) -> sockets == 1 ? null : sockets - 1);
          gone[0] = left == null;
          return users.isEmpty() ? null : users;
        });
    return gone[0];
  }

  public List<User> members(long roomId) {
    return List.copyOf(rooms.getOrDefault(roomId, Map.of()).keySet());
  }

  public int online(long roomId) {
    return rooms.getOrDefault(roomId, Map.of()).size();
  }
}
