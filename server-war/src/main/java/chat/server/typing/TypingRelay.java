package chat.server.typing;

import chat.dto.ServerFrame;
import chat.dto.User;
import chat.dto.WireJson;
import chat.server.error.ChatException;
import chat.server.events.ChatEvents;
import chat.server.events.RoomEvent;
import chat.server.events.UserEvent;
import chat.server.ratelimit.RateLimits;
import chat.server.social.SocialService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Passes a typing notice on to whoever should see it, on every node, without the database: the room's
 * others come from the socket's room, a friend from a short-lived cache of the friendships confirmed.
 */
@ApplicationScoped
public class TypingRelay {

  /** How long a friendship confirmed once is taken for granted: an unfriended typist is shown that long at most. */
  private static final long FRIEND_CACHE_NANOS = TimeUnit.MINUTES.toNanos(1);
  /** Past this many, the cache starts over rather than grow: it is a saving, not a record. */
  private static final int FRIEND_CACHE_MOST = 10_000;

  private final Map<String, ConfirmedFriend> friends = new ConcurrentHashMap<>();
  private ChatEvents events;
  private SocialService social;
  private RateLimits limits;

  protected TypingRelay() {}

  @Inject
  TypingRelay(ChatEvents events, SocialService social, RateLimits limits) {
    this.events = events;
    this.social = social;
    this.limits = limits;
  }

  /** To the others in the room, except users who block the typist; the typist's own sockets skip it. */
  public void inRoom(User typist, long roomId, String roomName) {
    limits.typing().acquire(typist.id());
    String frame = WireJson.toJson(new ServerFrame.Typing(roomName, typist));
    events.publish(new RoomEvent(roomId, 0, typist.id(), typist.id(), frame));
  }

  /** To every socket of the friend {@code to}, unless they block the typist. */
  public void toFriend(User typist, String to) {
    if (to == null || to.isBlank()) {
      throw ChatException.invalid("typing goes to a 'room' or to a friend ('to')");
    }
    limits.typing().acquire(typist.id());
    User friend = friend(typist, to);
    String frame = WireJson.toJson(new ServerFrame.Typing(null, typist));
    events.publish(new UserEvent(List.of(friend.id()), typist.id(), frame));
  }

  private User friend(User typist, String to) {
    String key = typist.id() + ":" + to.toLowerCase(Locale.ROOT);
    long now = System.nanoTime();
    ConfirmedFriend known = friends.get(key);
    if (known != null && now - known.confirmedAt() < FRIEND_CACHE_NANOS) {
      return known.friend();
    }
    User other = social.other(typist, to);
    if (!social.friends(typist.id(), other.id())) {
      throw ChatException.forbidden("typing goes to friends only");
    }
    if (friends.size() >= FRIEND_CACHE_MOST) {
      friends.clear();
    }
    friends.put(key, new ConfirmedFriend(other, now));
    return other;
  }

  private record ConfirmedFriend(User friend, long confirmedAt) {}
}
