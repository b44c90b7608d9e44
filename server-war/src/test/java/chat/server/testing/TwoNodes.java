package chat.server.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A cluster of two real nodes on loopback, A and B, sharing one real PostgreSQL and one token secret,
 * as nodes behind a load balancer do. Started one after the other; closed in reverse.
 */
public final class TwoNodes implements AutoCloseable {

  public static final String ADMIN = "root";
  public static final String ADMIN_PASSWORD = "root-password";

  private final EmbeddedPostgres postgres;
  public final PayaraNode a;
  public final PayaraNode b;

  private TwoNodes(EmbeddedPostgres postgres, PayaraNode a, PayaraNode b) {
    this.postgres = postgres;
    this.a = a;
    this.b = b;
  }

  public static TwoNodes start(Path dataDir) {
    EmbeddedPostgres postgres;
    try {
      postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir.resolve("postgres"))
              .setServerConfig("listen_addresses", "127.0.0.1")
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String cluster = "chat-it-" + UUID.randomUUID();
    int portA = PayaraNode.freePort();
    int portB = PayaraNode.freePort();
    String members = "127.0.0.1:" + portA + ",127.0.0.1:" + portB;
    Map<String, String> environment =
        Map.of(
            "CHAT_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
            "CHAT_DB_USER", "postgres",
            "CHAT_TOKEN_SECRET", "two-nodes-" + cluster,
            "CHAT_DATA_DIR", dataDir.toString(),
            "CHAT_BCRYPT_COST", "4",
            "CHAT_ADMIN_USERNAME", ADMIN,
            "CHAT_ADMIN_PASSWORD", ADMIN_PASSWORD);
    Path logs = Path.of(System.getProperty("chat.it.dataDir")).getParent().resolve("node-logs");
    // Node A stands behind a load balancer on loopback and believes its X-Forwarded-For; node B is
    // reached directly and believes no one's.
    Map<String, String> behindBalancer = new HashMap<>(environment);
    behindBalancer.put("CHAT_TRUSTED_PROXIES", "127.0.0.1");
    PayaraNode a = new PayaraNode("node-a", behindBalancer, logs).inCluster(cluster, portA, members);
    PayaraNode b = new PayaraNode("node-b", environment, logs).inCluster(cluster, portB, members);
    // One after the other, as a rolling start does: it is faster on two cores, and two Payara starts
    // at once left a node's readiness hanging now and then (docs/decisions/0001).
    try {
      a.start();
      b.start();
    } catch (RuntimeException e) {
      a.kill();
      b.kill();
      closeQuietly(postgres);
      throw e;
    }
    return new TwoNodes(postgres, a, b);
  }

  @Override
  public void close() {
    b.stop();
    a.stop();
    closeQuietly(postgres);
  }

  private static void closeQuietly(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
