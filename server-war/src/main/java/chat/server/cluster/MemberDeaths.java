package chat.server.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** Runs a cleanup when a member leaves the cluster, gracefully or not. */
final class MemberDeaths {

  private MemberDeaths() {}

  /**
   * Hazelcast's own thread has no application context: a bean first created there misses its container
   * resources for good. The cleanup runs on the container's executor instead.
   */
  static void onDeath(HazelcastInstance hazelcast, Executor executor, Consumer<UUID> cleanup) {
    hazelcast.getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent event) {}

      @Override
      public void memberRemoved(MembershipEvent event) {
        UUID dead = event.getMember().getUuid();
        executor.execute(() -> cleanup.accept(dead));
      }
    });
  }
}
