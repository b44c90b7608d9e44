package chat.server.file;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What one key (a user, a session) runs at once on a node, at most {@code most}: a transfer holds a
 * request thread while it streams, so one key opening many slow ones would take them from everyone.
 */
final class AtOnce<K> {

  private final int most;
  private final ConcurrentMap<K, Integer> running = new ConcurrentHashMap<>();

  AtOnce(int most) {
    this.most = most;
  }

  int most() {
    return most;
  }

  /** Takes one of {@code key}'s places: false, and nothing taken, when all are. */
  boolean take(K key) {
    boolean[] taken = {false};
    running.compute(
        key,
        (k, count) -> {
          int now = count == null ? 0 : count;
          if (now >= most) {
            return count;
          }
          taken[0] = true;
          return now + 1;
        });
    return taken[0];
  }

  /** Gives back a place {@link #take} took. */
  void giveBack(K key) {
    running.computeIfPresent(key, (k, count) -> count == 1 ? null : count - 1);
  }
}
