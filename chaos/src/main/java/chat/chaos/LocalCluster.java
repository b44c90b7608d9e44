package chat.chaos;

import chat.testing.Haproxy;
import chat.testing.PayaraNode;
import chat.testing.Pause;
import chat.testing.QuickGrid;
import chat.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Nodes in one data grid behind HAProxy, on one PostgreSQL, all on loopback: what an operator runs,
 * with a handle on each part to break it.
 */
final class LocalCluster implements AutoCloseable {

  private final TestDatabase database;
  private final List<PayaraNode> nodes;
  private final Haproxy balancer;

  private LocalCluster(TestDatabase database, List<PayaraNode> nodes, Haproxy balancer) {
    this.database = database;
    this.nodes = nodes;
    this.balancer = balancer;
  }

  static LocalCluster start(Path workDir, int size) {
    TestDatabase database = TestDatabase.start(workDir);
    String cluster = "chat-chaos-" + UUID.randomUUID();
    List<Integer> gridPorts = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      gridPorts.add(PayaraNode.freePort());
    }
    String members = gridPorts.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
    Map<String, String> environment = new HashMap<>(database.nodeEnvironment("chaos-" + cluster));
    environment.put("CHAT_TRUSTED_PROXIES", "127.0.0.1");
    // A client of a frozen node gives up on it after two heartbeats and 5 s: 15 s.
    environment.put("CHAT_HEARTBEAT_SECONDS", "5");
    List<PayaraNode> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < size; i++) {
        PayaraNode node =
            new PayaraNode("chaos-" + (i + 1), environment, workDir.resolve("logs"))
                .inCluster(cluster, gridPorts.get(i), members)
                .withJvmOptions(QuickGrid.OPTIONS);
        nodes.add(node);
        // One after the other, as a rolling start does (docs/decisions/0001).
        node.start();
      }
      return new LocalCluster(database, nodes, Haproxy.inFrontOf(workDir.resolve("haproxy"), nodes));
    } catch (RuntimeException e) {
      nodes.forEach(PayaraNode::kill);
      database.close();
      throw e;
    }
  }

  /** The balancer's address: where users go. */
  URI uri() {
    return balancer.uri();
  }

  PayaraNode node(int index) {
    return nodes.get(index);
  }

  List<PayaraNode> nodes() {
    return nodes;
  }

  TestDatabase database() {
    return database;
  }

  /** Until every node reports ready: back in the grid, its database answering. */
  void awaitAllReady(Duration limit) {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Instant deadline = Instant.now().plus(limit);
    for (PayaraNode node : nodes) {
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

  @Override
  public void close() {
    balancer.close();
    nodes.forEach(PayaraNode::stop);
    database.close();
  }
}
