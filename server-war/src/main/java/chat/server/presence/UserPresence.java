package chat.server.presence;

import java.util.Collection;
import java.util.Set;

/** Which users have a socket open on any node right now. */
public interface UserPresence {

  /** Counts one more socket of the user on this node. */
  void connected(long userId);

  /** Counts one socket less on this node. */
  void disconnected(long userId);

  /** Those of {@code userIds} with a socket on some node. */
  Set<Long> onlineAmong(Collection<Long> userIds);
}
