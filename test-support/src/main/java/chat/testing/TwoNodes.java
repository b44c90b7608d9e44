package chat.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A cluster of two real nodes on loopback, A and B, sharing one real PostgreSQL and one token secret,
 * as nodes behind a load balancer do. Started one after the other; closed in reverse.
 */
public final class TwoNodes implements AutoCloseable {

  public static final String ADMIN = TestDatabase.ADMIN;
  public static final String ADMIN_PASSWORD = TestDatabase.ADMIN_PASSWORD;

  private final TestDatabase database;
  public final PayaraNode a;
  public final PayaraNode b;

  private TwoNodes(TestDatabase database, PayaraNode a, PayaraNode b) {
    this.database = database;
    this.a = a;
    this.b = b;
  }

  public static TwoNodes start(Path dataDir) {
    return start(dataDir, List.of());
  }

  /** Two nodes whose JVMs get {@code jvmOptions} (the data grid's timeouts, for instance). */
  public static TwoNodes start(Path dataDir, List<String> jvmOptions) {
    TestDatabase database = TestDatabase.start(dataDir);
    String cluster = "chat-it-" + UUID.randomUUID();
    int portA = PayaraNode.freePort();
    int portB = PayaraNode.freePort();
    String members = "127.0.0.1:" + portA + ",127.0.0.1:" + portB;
    Map<String, String> environment = database.nodeEnvironment("two-nodes-" + cluster);
    // Node A stands behind a load balancer on loopback and believes its X-Forwarded-For; node B is
    // reached directly and believes no one's.
    Map<String, String> behindBalancer = new HashMap<>(environment);
    behindBalancer.put("CHAT_TRUSTED_PROXIES", "127.0.0.1");
    Path logs = TestDatabase.nodeLogs();
    PayaraNode a =
        new PayaraNode("node-a", behindBalancer, logs).inCluster(cluster, portA, members).withJvmOptions(jvmOptions);
    PayaraNode b =
        new PayaraNode("node-b", environment, logs).inCluster(cluster, portB, members).withJvmOptions(jvmOptions);
    // One after the other, as a rolling start does: it is faster on two cores, and two Payara starts
    // at once left a node's readiness hanging now and then (docs/decisions/0001).
    try {
      a.start();
      b.start();
    } catch (RuntimeException e) {
      a.kill();
      b.kill();
      database.close();
      throw e;
    }
    return new TwoNodes(database, a, b);
  }

  @Override
  public void close() {
    b.stop();
    a.stop();
    database.close();
  }
}
