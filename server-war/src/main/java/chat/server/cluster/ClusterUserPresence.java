package chat.server.cluster;

import chat.server.presence.UserPresence;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.multimap.MultiMap;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Who is connected, in a grid multimap from user id to the members they have sockets on. A node writes
 * only when a user's first socket opens on it or the last closes; when a member dies, the survivors
 * remove its entries.
 */
@ApplicationScoped
public class ClusterUserPresence implements UserPresence {

  static final String MAP = "chat-online";

  @Resource ManagedExecutorService executor;

  private HazelcastInstance hazelcast;
  private MultiMap<Long, String> grid;
  private String member;
  /** This node's sockets per user. */
  private final Map<Long, Integer> local = new ConcurrentHashMap<>();

  protected ClusterUserPresence() {}

  @Inject
  ClusterUserPresence(HazelcastInstance hazelcast) {
    this.hazelcast = hazelcast;
  }

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    grid = hazelcast.getMultiMap(MAP);
    member = hazelcast.getCluster().getLocalMember().getUuid().toString();
    MemberDeaths.onDeath(hazelcast, executor, dead -> removeEntriesOf(dead.toString()));
  }

  @Override
  public void connected(long userId) {
    if (local.merge(userId, 1, Integer::sum) == 1) {
      grid.put(userId, member);
    }
  }

  @Override
  public void disconnected(long userId) {
    if (local.merge(userId, -1, (now, change) -> now + change <= 0 ? null : now + change) == null) {
      grid.remove(userId, member);
    }
  }

  @Override
  public Set<Long> onlineAmong(Collection<Long> userIds) {
    return userIds.stream().filter(grid::containsKey).collect(Collectors.toSet());
  }

  private void removeEntriesOf(String deadMember) {
    for (Long userId : grid.keySet()) {
      grid.remove(userId, deadMember);
    }
  }
}
