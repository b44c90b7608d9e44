package chat.server.socket;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whom a socket's user blocks: their messages are dropped at the socket. Replaced whole on the rare
 * change (copy on write), so delivery reads it without a lock; most users block nobody and share one
 * empty set.
 */
final class BlockedUsers {

  private volatile Set<Long> blocked = Set.of();
  /** Guarded by this; null once the socket has read whom its user blocks. */
  private List<Change> changesWhileReading = new ArrayList<>(0);

  private record Change(long userId, boolean blocked) {
    void applyTo(Set<Long> userIds) {
      if (blocked) {
        userIds.add(userId);
      } else {
        userIds.remove(userId);
      }
    }
  }

  boolean contains(long userId) {
    return userId != 0 && blocked.contains(userId);
  }

  /**
   * Sets whom the user blocks, as read when the socket opened. Changes that arrived while it was being
   * read are applied again on top: they committed after the socket registered, so they are at least as
   * new as what was read.
   */
  synchronized void read(Set<Long> userIds) {
    Set<Long> now = new HashSet<>(userIds);
    changesWhileReading.forEach(change -> change.applyTo(now));
    changesWhileReading = null;
    blocked = Set.copyOf(now);
  }

  synchronized void changed(long userId, boolean nowBlocked) {
    Change change = new Change(userId, nowBlocked);
    if (changesWhileReading != null) {
      changesWhileReading.add(change);
    }
    Set<Long> changed = new HashSet<>(blocked);
    change.applyTo(changed);
    blocked = Set.copyOf(changed);
  }
}
