package chat.server.cluster;

import chat.server.events.ChatEvents;
import chat.server.events.Notice;
import chat.server.events.UserNotices;
import chat.server.presence.UserPresence;
import com.hazelcast.core.HazelcastInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A notice goes out on the events topic like any event; every node hands it to the user's sockets it
 * holds and answers how many took it ({@code NoticeTaken}), and the node that asked adds the answers
 * up until every member has answered, or two seconds have passed. A user with no socket on any node
 * is answered 0 at once, without troubling the cluster.
 */
@ApplicationScoped
public class ClusterNotices implements UserNotices {

  static final long ANSWER_WITHIN_MILLIS = 2_000;

  private HazelcastInstance hazelcast;
  private ChatEvents events;
  private UserPresence online;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  /** A notice's answers so far, against the number of members that were asked. */
  private static final class Pending {
    private final CompletableFuture<Integer> done = new CompletableFuture<>();
    private final int members;
    private int answers;
    private int sockets;

    Pending(int members) {
      this.members = members;
    }

    synchronized void answered(int more) {
      answers++;
      sockets += more;
      if (answers >= members) {
        done.complete(sockets);
      }
    }

    synchronized int sockets() {
      return sockets;
    }
  }

  protected ClusterNotices() {}

  @Inject
  ClusterNotices(HazelcastInstance hazelcast, ChatEvents events, UserPresence online) {
    this.hazelcast = hazelcast;
    this.events = events;
    this.online = online;
  }

  @Override
  public CompletionStage<Integer> notify(long userId, String frame) {
    if (online.onlineAmong(List.of(userId)).isEmpty()) {
      return CompletableFuture.completedFuture(0);
    }
    String requestId = UUID.randomUUID().toString();
    Pending asked = new Pending(hazelcast.getCluster().getMembers().size());
    pending.put(requestId, asked);
    events.publish(new Notice(requestId, userId, frame));
    return asked.done
        .completeOnTimeout(-1, ANSWER_WITHIN_MILLIS, TimeUnit.MILLISECONDS)
        .thenApply(sockets -> sockets < 0 ? asked.sockets() : sockets)
        .whenComplete((sockets, failure) -> pending.remove(requestId));
  }

  /** One node's answer; answers to notices of other nodes, or too late, are no one's here. */
  void answered(String requestId, int sockets) {
    Pending asked = pending.get(requestId);
    if (asked != null) {
      asked.answered(sockets);
    }
  }
}
