package chat.server.account;

import chat.dto.ServerFrame;
import chat.dto.User;
import chat.dto.WireJson;
import chat.server.events.ChatEvents;
import chat.server.events.IdentityChanged;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The profiles this node puts on the wire, so a user named by a token or by presence goes out with
 * their display name and status as they are now, without a query per frame. Read from the database on
 * a miss and kept current by {@link IdentityChanged} events from every node; of two copies the one with
 * the larger version wins, so a read that raced an event cannot bring an old profile back. Entries
 * expire after a while, which also heals a node that missed events while it was cut off.
 */
@ApplicationScoped
public class Profiles {

  private static final int MOST_KEPT = 50_000;
  private static final Duration KEPT_FOR = Duration.ofMinutes(10);

  private final Cache<Long, Profile> cache =
      Caffeine.newBuilder().maximumSize(MOST_KEPT).expireAfterWrite(KEPT_FOR).build();
  private ProfileStore store;
  private ChatEvents events;

  protected Profiles() {}

  @Inject
  Profiles(ProfileStore store, ChatEvents events) {
    this.store = store;
    this.events = events;
  }

  /** {@code user} with the profile it has now. */
  public User current(User user) {
    return current(List.of(user)).get(0);
  }

  /** Each of {@code users} with the profile it has now, in the same order; one query for the misses. */
  public List<User> current(List<User> users) {
    Map<Long, Profile> known = cache.getAllPresent(users.stream().map(User::id).toList());
    if (known.size() < users.size()) {
      Set<Long> missing =
          users.stream().map(User::id).filter(id -> !known.containsKey(id)).collect(Collectors.toSet());
      Map<Long, Profile> loaded = new HashMap<>(known);
      store.read(missing).forEach((id, profile) -> loaded.put(id, keep(id, profile)));
      return withProfiles(users, loaded);
    }
    return withProfiles(users, known);
  }

  /** An event from some node (this one included). */
  public void apply(IdentityChanged change) {
    keep(change.user().id(), new Profile(change.user().displayName(), change.user().status(), change.version()));
  }

  /**
   * A change made on this node, once committed: kept here at once, then told to every node with the
   * frame for everyone who sees the user.
   */
  void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProfileChanged changed) {
    keep(changed.user().id(), changed.profile());
    String frame = WireJson.toJson(new ServerFrame.IdentityChanged(changed.user()));
    List<Long> audience = store.audienceOf(changed.user().id());
    events.publish(new IdentityChanged(changed.user(), changed.profile().version(), audience, frame));
  }

  /** Forgets every profile kept, for a node that may have missed their events: each is read again. */
  public void forgetAll() {
    cache.invalidateAll();
  }

  private Profile keep(long userId, Profile profile) {
    return cache.asMap().merge(userId, profile, Profile::newer);
  }

  private static List<User> withProfiles(List<User> users, Map<Long, Profile> profiles) {
    List<User> current = new ArrayList<>(users.size());
    for (User user : users) {
      Profile profile = profiles.get(user.id());
      current.add(profile == null ? user : profile.of(user));
    }
    return current;
  }
}
