package chat.server.room;

import chat.server.events.SilenceChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is silenced in which room, until when, in this node's memory: read from PostgreSQL at start,
 * then changed by {@link SilenceChanged} events from every node, as the ban list is, so that a message
 * is checked with a lookup that finds nothing in a room where no one is silenced.
 */
@ApplicationScoped
public class Silences {

  /** By room, then by user: the room's lookup is all a message of a room without silences costs. */
  private final Map<Long, Map<Long, Instant>> byRoom = new ConcurrentHashMap<>();
  private SilenceStore store;
  private Clock clock;

  protected Silences() {}

  @Inject
  Silences(SilenceStore store) {
    this.store = store;
    this.clock = Clock.systemUTC();
  }

  void load(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    readAgain();
  }

  /** Reads the silences in force again (after a merge, when events may have been missed). */
  public void readAgain() {
    Map<Long, Map<Long, Instant>> stored = store.inForce();
    byRoom.keySet().retainAll(stored.keySet());
    stored.forEach((room, users) -> byRoom.put(room, new ConcurrentHashMap<>(users)));
  }

  public void apply(SilenceChanged change) {
    Instant until = Instant.ofEpochMilli(change.untilMillis());
    if (until.isAfter(clock.instant())) {
      byRoom.computeIfAbsent(change.roomId(), room -> new ConcurrentHashMap<>()).put(change.userId(), until);
    } else {
      Map<Long, Instant> users = byRoom.get(change.roomId());
      if (users != null) {
        users.remove(change.userId());
      }
    }
  }

  /** Until when the user is silenced in the room; empty when they are not (or no longer). */
  public Optional<Instant> until(long roomId, long userId) {
    Map<Long, Instant> users = byRoom.get(roomId);
    if (users == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(users.get(userId)).filter(until -> until.isAfter(clock.instant()));
  }
}
