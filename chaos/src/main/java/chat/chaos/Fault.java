package chat.chaos;

import chat.client.ChatApi;
import chat.dto.Authenticated;
import chat.testing.Pause;
import chat.testing.QuickGrid;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** What the suite does to the cluster, one at a time, while the bots send through its balancer. */
enum Fault {
  KILL_A_NODE("a node is killed (SIGKILL) and started again") {
    @Override
    String inject(LocalCluster cluster, Target target) {
      LocalCluster.Node node = cluster.nodes().get(1);
      cluster.kill(node);
      Pause.of(Duration.ofSeconds(1));
      cluster.startAgain(node);
      return "";
    }
  },

  FREEZE_A_NODE(
      "a node stands still (SIGSTOP) past the grid's heartbeat timeout, then runs on; its clients resume"
          + " elsewhere once it has been silent for two heartbeats") {
    @Override
    String inject(LocalCluster cluster, Target target) {
      LocalCluster.Node node = cluster.nodes().get(2);
      cluster.freeze(node);
      Pause.of(FREEZE);
      cluster.thaw(node);
      cluster.awaitAllReady(REJOIN);
      return "";
    }
  },

  SPLIT_THE_GRID(
      "every link between the nodes' grids is cut while they run on, each side serving its users, and"
          + " comes back; the grid merges, and every client resumes with what the other sides sent") {
    @Override
    String inject(LocalCluster cluster, Target target) {
      long merged = cluster.merges();
      cluster.splitGrid();
      try {
        cluster.awaitGridsOf(1, REJOIN);
        Pause.of(FREEZE);
      } finally {
        cluster.healGrid();
      }
      long healed = System.nanoTime();
      cluster.awaitGridsOf(cluster.nodes().size(), REJOIN);
      // Every node alone, then one grid again: every node but one merged into another.
      cluster.awaitMerges(merged + cluster.nodes().size() - 1, REJOIN);
      cluster.awaitAllReady(REJOIN);
      return String.format(
          "every node was alone in its grid for at least %d s; the grid was whole again %.1f s after the heal",
          FREEZE.toSeconds(), (System.nanoTime() - healed) / 1e9);
    }
  },

  RESTART_THE_DATABASE("PostgreSQL stops and starts again 3 s later, as on a fail-over") {
    @Override
    String inject(LocalCluster cluster, Target target) {
      cluster.database().restart(Duration.ofSeconds(3));
      cluster.awaitAllReady(REJOIN);
      return "";
    }
  },

  PAUSE_THE_DATABASE("PostgreSQL stands still (SIGSTOP) for 10 s") {
    @Override
    String inject(LocalCluster cluster, Target target) {
      cluster.database().pause();
      try {
        Pause.of(Duration.ofSeconds(10));
      } finally {
        cluster.database().resume();
      }
      cluster.awaitAllReady(REJOIN);
      return "";
    }
  },

  STALL_A_CONSUMER(
      "a member of the busy rooms stops reading its socket until its node closes it (4008), then resumes") {
    @Override
    String inject(LocalCluster cluster, Target target) {
      URI node = cluster.nodes().getFirst().uri();
      return new StalledConsumer(node, cluster.uri(), target.stalledUser(), target.talker(), target.rooms())
          .stallAndResume();
    }
  },

  RESTART_EVERY_NODE("bin/chat-cluster restart: every node in turn drains (SIGTERM), stops and starts again, as in an upgrade") {
    @Override
    String inject(LocalCluster cluster, Target target) {
      cluster.rollingRestart();
      cluster.awaitAllReady(REJOIN);
      return "";
    }
  };

  /** How long a frozen node stands still: past the grid's heartbeat timeout, so that it is dropped. */
  static final Duration FREEZE = QuickGrid.HEARTBEAT_TIMEOUT.multipliedBy(2);

  /** How long the cluster may take to have every node ready again after a fault. */
  static final Duration REJOIN = Duration.ofMinutes(2);

  private final String description;

  Fault(String description) {
    this.description = description;
  }

  String description() {
    return description;
  }

  /**
   * Breaks the cluster and returns once the fault is over (the cluster may still be recovering), with
   * what the fault itself saw beyond the bots' counts (empty if nothing).
   */
  abstract String inject(LocalCluster cluster, Target target);

  /** What a fault aims at beside the cluster: the rooms the bots are busy in, users of its own. */
  record Target(List<String> rooms, Authenticated stalledUser, Authenticated talker) {

    static Target in(LocalCluster cluster, List<String> rooms) {
      ChatApi api = ChatApi.of(cluster.uri());
      long run = System.nanoTime() % 100_000;
      return new Target(
          rooms,
          api.signUp("chaos-stalled-" + run, "stalled-password"),
          api.signUp("chaos-talker-" + run, "talker-password"));
    }
  }
}
