package chat.server.cluster;

import chat.dto.ClusterView;
import chat.server.config.NodeIdentity;
import chat.server.socket.LocalSockets;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The members of the cluster with their socket counts. Each node writes its own line to a grid map every
 * second; a member that dies is dropped from it by the survivors.
 */
@ApplicationScoped
public class ClusterMembers {

  static final String MAP = "chat-nodes";

  @Resource ManagedScheduledExecutorService scheduler;

  private HazelcastInstance hazelcast;
  private NodeIdentity node;
  private LocalSockets sockets;
  private IMap<String, String> nodes;
  private ScheduledFuture<?> reports;

  protected ClusterMembers() {}

  @Inject
  ClusterMembers(HazelcastInstance hazelcast, NodeIdentity node, LocalSockets sockets) {
    this.hazelcast = hazelcast;
    this.node = node;
    this.sockets = sockets;
  }

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    nodes = hazelcast.getMap(MAP);
    MemberDeaths.onDeath(hazelcast, scheduler, dead -> nodes.delete(dead.toString()));
    reports = scheduler.scheduleWithFixedDelay(this::report, 0, 1, TimeUnit.SECONDS);
  }

  private void report() {
    Member self = hazelcast.getCluster().getLocalMember();
    nodes.set(self.getUuid().toString(), node.name() + "\t" + self.getAddress() + "\t" + sockets.count());
  }

  public ClusterView view() {
    List<ClusterView.Member> members = new ArrayList<>();
    for (Member member : hazelcast.getCluster().getMembers()) {
      String line = nodes.get(member.getUuid().toString());
      if (line != null) {
        String[] parts = line.split("\t", 3);
        members.add(new ClusterView.Member(parts[0], parts[1], Integer.parseInt(parts[2])));
      }
    }
    return new ClusterView(node.name(), members);
  }

  @PreDestroy
  void stop() {
    if (reports != null) {
      reports.cancel(false);
    }
  }
}
