package chat.server.reading;

import java.util.HashMap;
import java.util.Map;

/**
 * The read markers set on this node since the last write, the highest per user and channel: many
 * marks of one channel between two writes cost one row. Thread-safe.
 */
final class PendingMarkers {

  /** A user's marker of one channel. */
  record Key(long accountId, boolean isRoom, long channelId) {}

  private Map<Key, Long> pending = new HashMap<>();

  synchronized void mark(Key key, long seq) {
    pending.merge(key, seq, Math::max);
  }

  /** What was marked since the last call; what fails to be written goes back with {@link #restore}. */
  synchronized Map<Key, Long> take() {
    Map<Key, Long> taken = pending;
    pending = new HashMap<>();
    return taken;
  }

  synchronized void restore(Map<Key, Long> unwritten) {
    unwritten.forEach((key, seq) -> pending.merge(key, seq, Math::max));
  }
}
