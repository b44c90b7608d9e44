package chat.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A cluster of two real nodes on loopback, A and B, sharing one real PostgreSQL and one token secret,
 * as nodes behind a load balancer do. Started one after the other; closed in reverse.
 */
public final class TwoNodes implements AutoCloseable {

  public static final String ADMIN = TestDatabase.ADMIN;
  public static final String ADMIN_PASSWORD = TestDatabase.ADMIN_PASSWORD;

  private final TestDatabase database;
  private final List<TcpRelay> gridLinks;
  public final PayaraNode a;
  public final PayaraNode b;

  private TwoNodes(TestDatabase database, List<TcpRelay> gridLinks, PayaraNode a, PayaraNode b) {
    this.database = database;
    this.gridLinks = gridLinks;
    this.a = a;
    this.b = b;
  }

  public static TwoNodes start(Path dataDir) {
    return start(dataDir, List.of());
  }

  /** Two nodes whose JVMs get {@code jvmOptions} (the data grid's timeouts, for instance). */
  public static TwoNodes start(Path dataDir, List<String> jvmOptions) {
    return start(dataDir, jvmOptions, Map.of(), false);
  }

  /** Two nodes with {@code settings} (CHAT_* variables, and any other the node reads) over the shared ones. */
  public static TwoNodes start(Path dataDir, Map<String, String> settings) {
    return start(dataDir, List.of(), settings, false);
  }

  /**
   * Two nodes whose data grid reaches each member only through a relay in front of it, which each
   * member gives the other as its address ({@code CHAT_GRID_PUBLIC_ADDRESS}), so that {@link #splitGrid()}
   * cuts every link between them, whichever side opened it, while both keep running.
   */
  public static TwoNodes withSplittableGrid(Path dataDir, List<String> jvmOptions) {
    return start(dataDir, jvmOptions, Map.of(), true);
  }

  private static TwoNodes start(Path dataDir, List<String> jvmOptions, Map<String, String> settings, boolean splittable) {
    TestDatabase database = TestDatabase.start(dataDir);
    String cluster = "chat-it-" + UUID.randomUUID();
    int portA = PayaraNode.freePort();
    int portB = PayaraNode.freePort();
    List<TcpRelay> links =
        splittable ? List.of(TcpRelay.toLoopbackPort(() -> portA), TcpRelay.toLoopbackPort(() -> portB)) : List.of();
    int reachA = splittable ? links.get(0).port() : portA;
    int reachB = splittable ? links.get(1).port() : portB;
    String members = "127.0.0.1:" + reachA + ",127.0.0.1:" + reachB;
    Map<String, String> environment = new HashMap<>(database.nodeEnvironment("two-nodes-" + cluster));
    environment.putAll(settings);
    // Node A stands behind a load balancer on loopback and believes its X-Forwarded-For; node B is
    // reached directly and believes no one's.
    Map<String, String> behindBalancer = new HashMap<>(environment);
    behindBalancer.put("CHAT_TRUSTED_PROXIES", "127.0.0.1");
    Path logs = TestDatabase.nodeLogs();
    PayaraNode a =
        new PayaraNode("node-a", splittable ? reachedAt(behindBalancer, reachA) : behindBalancer, logs)
            .inCluster(cluster, portA, members)
            .withJvmOptions(jvmOptions);
    PayaraNode b =
        new PayaraNode("node-b", splittable ? reachedAt(environment, reachB) : environment, logs)
            .inCluster(cluster, portB, members)
            .withJvmOptions(jvmOptions);
    // One after the other, as a rolling start does: it is faster on two cores, and two Payara starts
    // at once left a node's readiness hanging now and then (docs/decisions/0001).
    try {
      a.start();
      b.start();
    } catch (RuntimeException e) {
      a.kill();
      b.kill();
      links.forEach(TcpRelay::close);
      database.close();
      throw e;
    }
    return new TwoNodes(database, links, a, b);
  }

  private static Map<String, String> reachedAt(Map<String, String> environment, int gridPort) {
    Map<String, String> reached = new HashMap<>(environment);
    reached.put("CHAT_GRID_PUBLIC_ADDRESS", "127.0.0.1:" + gridPort);
    return reached;
  }

  /** The cluster's database, for a test that looks behind the nodes' back. */
  public DataSource dataSource() {
    return database.dataSource();
  }

  /** Every link between the two members drops and none can open again until {@link #healGrid()}. */
  public void splitGrid() {
    requireSplittable();
    gridLinks.forEach(TcpRelay::cut);
  }

  public void healGrid() {
    requireSplittable();
    gridLinks.forEach(TcpRelay::restore);
  }

  private void requireSplittable() {
    if (gridLinks.isEmpty()) {
      throw new IllegalStateException("started without relays: TwoNodes.withSplittableGrid");
    }
  }

  @Override
  public void close() {
    b.stop();
    a.stop();
    gridLinks.forEach(TcpRelay::close);
    database.close();
  }
}
