package chat.chaos;

import chat.testing.PayaraNode;
import chat.testing.Pause;
import chat.testing.QuickGrid;
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

/**
 * The cluster an operator runs, started and handled as an operator does: {@code bin/chat-cluster}
 * (nodes from the release artifact behind its HAProxy), here on a PostgreSQL of the suite's own so
 * that it can be stopped and paused. Nodes are killed and frozen through the pids the script keeps.
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

  private LocalCluster(
      TestDatabase database, Path state, Map<String, String> environment, URI balancer, List<Node> nodes) {
    this.database = database;
    this.state = state;
    this.environment = environment;
    this.balancer = balancer;
    this.nodes = nodes;
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
    try {
      script(environment, workDir, Integer.toString(size));
      List<Node> nodes = new ArrayList<>();
      for (String line : Files.readAllLines(state.resolve("nodes"))) {
        String[] fields = line.split(" ");
        nodes.add(new Node(fields[0], URI.create("http://127.0.0.1:" + fields[1] + "/")));
      }
      return new LocalCluster(database, state, environment, URI.create("http://127.0.0.1:" + port + "/"), nodes);
    } catch (IOException | RuntimeException e) {
      script(environment, workDir, "stop");
      database.close();
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
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

  /** {@code bin/chat-cluster start NAME}: a node that died comes back as it first started. */
  void startAgain(Node node) {
    script(environment, state.getParent(), "start", node.name());
  }

  /** {@code bin/chat-cluster restart}: every node in turn drains, stops and starts. */
  void rollingRestart() {
    script(environment, state.getParent(), "restart");
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
    database.close();
  }
}
