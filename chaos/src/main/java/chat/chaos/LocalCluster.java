package chat.chaos;

import chat.client.ChatApi;
import chat.dto.Authenticated;
import chat.testing.PayaraNode;
import chat.testing.Pause;
import chat.testing.QuickGrid;
import chat.testing.TcpRelay;
import chat.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The cluster an operator runs, started and handled as an operator does: {@code bin/chat-cluster}
 * (nodes from the release artifact behind its HAProxy), here on a PostgreSQL of the suite's own so
 * that it can be stopped and paused. Nodes are killed and frozen through the pids the script keeps.
 * Each node's grid is reached through a relay of the suite's ({@code CHAT_GRID_REACHED_AT}), so that
 * the links between running nodes can be cut.
 */
final class LocalCluster implements AutoCloseable {

  private static final Duration SCRIPT_LIMIT = Duration.ofMinutes(10);

  /** One node as the script started it. */
  record Node(String name, URI uri) {}

  private final TestDatabase database;
  private final Path state;
  private final Map<String, String> environment;
  private final URI balancer;
  private final List<Node> nodes;
  private final List<TcpRelay> gridLinks;

  private LocalCluster(
      TestDatabase database,
      Path state,
      Map<String, String> environment,
      URI balancer,
      List<Node> nodes,
      List<TcpRelay> gridLinks) {
    this.database = database;
    this.state = state;
    this.environment = environment;
    this.balancer = balancer;
    this.nodes = nodes;
    this.gridLinks = gridLinks;
  }

  static LocalCluster start(Path workDir, int size) {
    TestDatabase database = TestDatabase.start(workDir);
    int port = PayaraNode.freePort();
    Map<String, String> environment = new HashMap<>(PayaraNode.UNLIMITED);
    environment.putAll(database.nodeEnvironment("chaos-" + port));
    // A client of a frozen node gives up on it after two silent heartbeats, 4 to 4.5 s, and resumes on
    // another node well before the freeze (10 s) is over.
    environment.put("CHAT_HEARTBEAT_SECONDS", "2");
    // A consumer that stops reading overflows its queue in seconds at the bots' rate, not minutes.
    environment.put("CHAT_SEND_QUEUE_BYTES", Integer.toString(128 * 1024));
    environment.put("CHAT_JAVA_OPTS", String.join(" ", PayaraNode.testJvmOptions(QuickGrid.OPTIONS)));
    environment.put("CHAT_HEAP", "512m");
    environment.put("CHAT_PORT", Integer.toString(port));
    environment.put("CHAT_DATA_DIR", workDir.toString());
    environment.put("CHAT_CLUSTER_DETACH", "1");
    environment.put("CHAT_CLUSTER_BUILD", "0");
    environment.put("JAVA_HOME", System.getProperty("java.home"));
    Path state = workDir.resolve("cluster");
    // The script picks each node's grid port and writes it to its nodes file before a node starts; a
    // relay asks for it when a member first connects.
    List<TcpRelay> gridLinks =
        IntStream.range(0, size).mapToObj(i -> TcpRelay.toLoopbackPort(() -> gridPort(state, i))).toList();
    environment.put(
        "CHAT_GRID_REACHED_AT",
        gridLinks.stream().map(link -> "127.0.0.1:" + link.port()).collect(Collectors.joining(" ")));
    try {
      script(environment, workDir, Integer.toString(size));
      List<Node> nodes = new ArrayList<>();
      for (String line : Files.readAllLines(state.resolve("nodes"))) {
        String[] fields = line.split(" ");
        nodes.add(new Node(fields[0], URI.create("http://127.0.0.1:" + fields[1] + "/")));
      }
      return new LocalCluster(
          database, state, environment, URI.create("http://127.0.0.1:" + port + "/"), nodes, gridLinks);
    } catch (IOException | RuntimeException e) {
      script(environment, workDir, "stop");
      gridLinks.forEach(TcpRelay::close);
      database.close();
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  /** The grid port of the {@code index}th node in the script's nodes file (name, HTTP port, grid port). */
  private static int gridPort(Path state, int index) {
    try {
      return Integer.parseInt(Files.readAllLines(state.resolve("nodes")).get(index).split(" ")[2]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The balancer's address: where users go. */
  URI uri() {
    return balancer;
  }

  List<Node> nodes() {
    return nodes;
  }

  TestDatabase database() {
    return database;
  }

  /** SIGKILL: the node dies mid-work and cleans nothing up. Returns once it is gone. */
  void kill(Node node) {
    long pid = pid(node);
    signal("KILL", pid);
    ProcessHandle.of(pid).ifPresent(process -> process.onExit().join());
  }

  /** SIGSTOP: the node stands still, its sockets open and unanswered. */
  void freeze(Node node) {
    signal("STOP", pid(node));
  }

  void thaw(Node node) {
    signal("CONT", pid(node));
  }

  /** Every link between the nodes' grids drops, and none opens until {@link #healGrid()}; the nodes run on. */
  void splitGrid() {
    gridLinks.forEach(TcpRelay::cut);
  }

  void healGrid() {
    gridLinks.forEach(TcpRelay::restore);
  }

  /** {@code bin/chat-cluster start NAME}: a node that died comes back as it first started. */
  void startAgain(Node node) {
    script(environment, state.getParent(), "start", node.name());
  }

  /** {@code bin/chat-cluster restart}: every node in turn drains, stops and starts. */
  void rollingRestart() {
    script(environment, state.getParent(), "restart");
  }

  /**
   * Until every node's grid holds {@code members} members: 1 once a split has cut each node off, all of
   * them once the grid merged what it cut apart (each node merged tells the others as it rejoins, so
   * that their clients resume with what they missed).
   */
  void awaitGridsOf(int members, Duration limit) {
    Authenticated admin = ChatApi.of(nodes.getFirst().uri()).logIn(TestDatabase.ADMIN, TestDatabase.ADMIN_PASSWORD);
    Instant deadline = Instant.now().plus(limit);
    for (Node node : nodes) {
      ChatApi api = ChatApi.of(node.uri()).as(admin.token());
      while (membersSeenBy(api) != members) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(node.name() + "'s grid did not come to " + members + " within " + limit);
        }
        Pause.of(Duration.ofMillis(250));
      }
    }
  }

  /**
   * Until the nodes together count {@code merges} merges back into the grid: a node counts its merge
   * once it is out of service for it, so a wait for every node to be ready after this one waits for
   * the node to serve again.
   */
  void awaitMerges(long merges, Duration limit) {
    Instant deadline = Instant.now().plus(limit);
    while (merges() < merges) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("the grid did not merge " + merges + " times within " + limit);
      }
      Pause.of(Duration.ofMillis(250));
    }
  }

  /** The merges back into the grid every node has counted since it started. */
  long merges() {
    return nodes.stream().mapToLong(node -> NodeMetrics.counter(node.uri(), "chat_grid_merges")).sum();
  }

  private static int membersSeenBy(ChatApi api) {
    try {
      return api.cluster().members().size();
    } catch (RuntimeException unavailable) {
      return -1;
    }
  }

  /** Until every node reports ready: back in the grid, its database answering. */
  void awaitAllReady(Duration limit) {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Instant deadline = Instant.now().plus(limit);
    for (Node node : nodes) {
      HttpRequest ready =
          HttpRequest.newBuilder(node.uri().resolve("/health/ready")).timeout(Duration.ofSeconds(2)).build();
      while (!isOk(client, ready)) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(node.name() + " not ready within " + limit);
        }
        Pause.of(Duration.ofMillis(250));
      }
    }
  }

  private static boolean isOk(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private long pid(Node node) {
    try {
      return Long.parseLong(Files.readString(state.resolve(node.name() + ".pid")).trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void signal(String signal, long pid) {
    run(List.of("kill", "-" + signal, Long.toString(pid)), Map.of(), null);
  }

  /** Runs {@code bin/chat-cluster} with the suite's environment; its output goes to work/cluster.log. */
  private static void script(Map<String, String> environment, Path workDir, String... arguments) {
    List<String> command = new ArrayList<>(List.of("bash", System.getProperty("chat.it.clusterScript")));
    command.addAll(List.of(arguments));
    run(command, environment, workDir.resolve("cluster.log"));
  }

  private static void run(List<String> command, Map<String, String> environment, Path output) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    builder.redirectOutput(
        output == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.appendTo(output.toFile()));
    try {
      Process process = builder.start();
      if (!process.waitFor(SCRIPT_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command + " did not finish within " + SCRIPT_LIMIT);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(command + " failed (" + process.exitValue() + "); see " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    script(environment, state.getParent(), "stop");
    gridLinks.forEach(TcpRelay::close);
    database.close();
  }
}
