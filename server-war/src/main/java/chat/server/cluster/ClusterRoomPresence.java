package chat.server.cluster;

import chat.dto.Role;
import chat.dto.RoomOccupant;
import chat.dto.ServerFrame;
import chat.dto.User;
import chat.dto.WireJson;
import chat.server.account.Profiles;
import chat.server.config.NodeIdentity;
import chat.server.events.ChatEvents;
import chat.server.events.RoomEvent;
import chat.server.presence.RoomPresence;
import chat.server.room.RoomService;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.multimap.MultiMap;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Presence in the data grid: a multimap from room id to one entry per user and node. A node counts its
 * own sockets and writes to the grid only when a user's first socket in a room opens on it or the last
 * closes. When a member dies, the survivors remove its entries (each entry is removed by exactly one of
 * them, which then announces the user's departure if they were on no other node).
 */
@ApplicationScoped
public class ClusterRoomPresence implements RoomPresence {

  private static final Logger LOG = Logger.getLogger(ClusterRoomPresence.class.getName());
  static final String MAP = "chat-presence";

  @Resource ManagedExecutorService executor;

  private HazelcastInstance hazelcast;
  private NodeIdentity node;
  private ChatEvents events;
  private RoomService rooms;
  private Profiles profiles;
  private MultiMap<Long, String> grid;
  private UUID memberId;
  /** This node's sockets per room and user. */
  private final Map<Long, Map<Long, Integer>> local = new ConcurrentHashMap<>();

  protected ClusterRoomPresence() {}

  @Inject
  ClusterRoomPresence(
      HazelcastInstance hazelcast, NodeIdentity node, ChatEvents events, RoomService rooms, Profiles profiles) {
    this.hazelcast = hazelcast;
    this.profiles = profiles;
    this.node = node;
    this.events = events;
    this.rooms = rooms;
  }

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    grid = hazelcast.getMultiMap(MAP);
    memberId = hazelcast.getCluster().getLocalMember().getUuid();
    MemberDeaths.onDeath(hazelcast, executor, this::removeEntriesOf);
  }

  @Override
  public boolean enter(long roomId, User user) {
    boolean firstHere = count(roomId, user.id(), +1) == 1;
    if (!firstHere) {
      return false;
    }
    boolean elsewhere = usersOf(grid.get(roomId)).containsKey(user.id());
    grid.put(roomId, Entry.of(user, node.name(), memberId).encode());
    return !elsewhere;
  }

  @Override
  public boolean leave(long roomId, User user) {
    if (count(roomId, user.id(), -1) > 0) {
      return false;
    }
    grid.remove(roomId, Entry.of(user, node.name(), memberId).encode());
    return !usersOf(grid.get(roomId)).containsKey(user.id());
  }

  /** The grid keeps who is where; each user's profile is the one this node knows now. */
  @Override
  public List<User> members(long roomId) {
    return occupants(roomId).stream().map(RoomOccupant::user).toList();
  }

  @Override
  public List<RoomOccupant> occupants(long roomId) {
    Map<Long, List<Entry>> users = usersOf(grid.get(roomId));
    List<User> current = profiles.current(users.values().stream().map(entries -> entries.get(0).user()).toList());
    List<RoomOccupant> occupants = new ArrayList<>(users.size());
    int i = 0;
    for (List<Entry> entries : users.values()) {
      occupants.add(new RoomOccupant(current.get(i++), entries.stream().map(Entry::node).sorted().toList()));
    }
    return occupants;
  }

  @Override
  public int online(long roomId) {
    return usersOf(grid.get(roomId)).size();
  }

  /** The socket count of a user in a room on this node after the change. */
  private int count(long roomId, long userId, int change) {
    int[] now = {0};
    local.compute(
        roomId,
        (id, users) -> {
          Map<Long, Integer> counts = users == null ? new ConcurrentHashMap<>() : users;
          Integer updated = counts.merge(userId, change, Integer::sum);
          if (updated != null && updated <= 0) {
            counts.remove(userId);
          }
          now[0] = updated == null ? 0 : Math.max(updated, 0);
          return counts.isEmpty() ? null : counts;
        });
    return now[0];
  }

  private void removeEntriesOf(UUID deadMember) {
    int removed = 0;
    for (Long roomId : grid.keySet()) {
      for (String encoded : grid.get(roomId)) {
        Entry entry = Entry.decode(encoded);
        if (entry.member().equals(deadMember) && grid.remove(roomId, encoded)) {
          removed++;
          if (!usersOf(grid.get(roomId)).containsKey(entry.user().id())) {
            announceDeparture(roomId, entry.user());
          }
        }
      }
    }
    int count = removed;
    LOG.info(() -> "member " + deadMember + " left the cluster; removed " + count + " presence entries");
  }

  private void announceDeparture(long roomId, User user) {
    String roomName = rooms.nameOf(roomId);
    String frame = WireJson.toJson(new ServerFrame.MemberLeft(roomName, profiles.current(user)));
    events.publish(RoomEvent.membership(roomId, user.id(), frame));
  }

  private static Map<Long, List<Entry>> usersOf(Collection<String> encoded) {
    Map<Long, List<Entry>> users = new LinkedHashMap<>();
    for (String value : encoded) {
      Entry entry = Entry.decode(value);
      users.computeIfAbsent(entry.user().id(), id -> new ArrayList<>()).add(entry);
    }
    return users;
  }

  /**
   * One user on one node in a room, as the grid keeps it: tab-separated JDK strings. The profile is
   * not kept here: it may change while the entry stands, and the entry is removed by its exact text.
   */
  private record Entry(User user, String node, UUID member) {

    static Entry of(User user, String node, UUID member) {
      return new Entry(user, node, member);
    }

    String encode() {
      return user.id() + "\t" + user.username() + "\t" + user.role() + "\t" + node + "\t" + member;
    }

    static Entry decode(String encoded) {
      String[] parts = encoded.split("\t", 5);
      User user = User.of(Long.parseLong(parts[0]), parts[1], Role.valueOf(parts[2]));
      return new Entry(user, parts[3], UUID.fromString(parts[4]));
    }
  }
}
