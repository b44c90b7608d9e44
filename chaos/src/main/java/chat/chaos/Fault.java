package chat.chaos;

import chat.client.ChatApi;
import chat.dto.Authenticated;
import chat.dto.ClientFrame;
import chat.dto.WireJson;
import chat.testing.Pause;
import chat.testing.QuickGrid;
import chat.testing.RawWebSocket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/** What the suite does to the cluster, one at a time, while the bots send through its balancer. */
enum Fault {
  KILL_A_NODE("a node is killed (SIGKILL) and started again") {
    @Override
    void inject(LocalCluster cluster, Target target) {
      LocalCluster.Node node = cluster.nodes().get(1);
      cluster.kill(node);
      Pause.of(Duration.ofSeconds(1));
      cluster.startAgain(node);
    }
  },

  FREEZE_A_NODE("a node stands still (SIGSTOP) past the grid's heartbeat timeout, then runs on") {
    @Override
    void inject(LocalCluster cluster, Target target) {
      LocalCluster.Node node = cluster.nodes().get(2);
      cluster.freeze(node);
      Pause.of(QuickGrid.HEARTBEAT_TIMEOUT.multipliedBy(2));
      cluster.thaw(node);
      cluster.awaitAllReady(REJOIN);
    }
  },

  RESTART_THE_DATABASE("PostgreSQL stops and starts again 3 s later, as on a fail-over") {
    @Override
    void inject(LocalCluster cluster, Target target) {
      cluster.database().restart(Duration.ofSeconds(3));
      cluster.awaitAllReady(REJOIN);
    }
  },

  PAUSE_THE_DATABASE("PostgreSQL stands still (SIGSTOP) for 10 s") {
    @Override
    void inject(LocalCluster cluster, Target target) {
      cluster.database().pause();
      try {
        Pause.of(Duration.ofSeconds(10));
      } finally {
        cluster.database().resume();
      }
      cluster.awaitAllReady(REJOIN);
    }
  },

  STALL_A_CONSUMER("a member of a busy room stops reading its socket for 20 s") {
    @Override
    void inject(LocalCluster cluster, Target target) {
      try (RawWebSocket stalled = RawWebSocket.connect(cluster.uri(), target.stalledUser().token(), 4096)) {
        stalled.sendText(WireJson.toJson(new ClientFrame.JoinRoom(target.busyRoom())));
        Pause.of(Duration.ofSeconds(20));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  },

  RESTART_EVERY_NODE("bin/chat-cluster restart: every node in turn drains (SIGTERM), stops and starts again, as in an upgrade") {
    @Override
    void inject(LocalCluster cluster, Target target) {
      cluster.rollingRestart();
      cluster.awaitAllReady(REJOIN);
    }
  };

  /** How long the cluster may take to have every node ready again after a fault. */
  static final Duration REJOIN = Duration.ofMinutes(2);

  private final String description;

  Fault(String description) {
    this.description = description;
  }

  String description() {
    return description;
  }

  /** Breaks the cluster and returns once the fault is over (the cluster may still be recovering). */
  abstract void inject(LocalCluster cluster, Target target);

  /** What a fault aims at beside the cluster: a room the bots are busy in, a user of its own. */
  record Target(String busyRoom, Authenticated stalledUser) {

    static Target in(LocalCluster cluster, String busyRoom) {
      ChatApi api = ChatApi.of(cluster.uri());
      return new Target(busyRoom, api.signUp("chaos-stalled-" + System.nanoTime() % 100_000, "stalled-password"));
    }
  }
}
