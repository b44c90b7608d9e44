package chat.testing;

import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A chat server as a client meets it: one real node on loopback with its own PostgreSQL. The node can
 * be stopped and started again on the same address while the database keeps everything, as when a
 * server goes away and comes back.
 */
public final class OneNode implements AutoCloseable {

  public static final String ADMIN = TestDatabase.ADMIN;
  public static final String ADMIN_PASSWORD = TestDatabase.ADMIN_PASSWORD;

  private final TestDatabase database;
  private final PayaraNode node;

  private OneNode(TestDatabase database, PayaraNode node) {
    this.database = database;
    this.node = node;
  }

  public static OneNode start(Path dataDir) {
    TestDatabase database = TestDatabase.start(dataDir);
    PayaraNode node =
        new PayaraNode(
            "node-1", database.nodeEnvironment("one-node-" + UUID.randomUUID()), TestDatabase.nodeLogs());
    try {
      node.start();
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    return new OneNode(database, node);
  }

  public URI uri() {
    return node.uri();
  }

  /** The node stops as on a deploy (SIGTERM); its clients see their sockets close. */
  public void stop() {
    node.stop();
  }

  /** The node comes back on the same address and waits until it is ready. */
  public void restart() {
    node.start();
  }

  @Override
  public void close() {
    node.stop();
    database.close();
  }
}
