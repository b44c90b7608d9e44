package chat.testing;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

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
  private final Map<String, String> environment;

  private OneNode(TestDatabase database, PayaraNode node, Map<String, String> environment) {
    this.database = database;
    this.node = node;
    this.environment = environment;
  }

  public static OneNode start(Path dataDir) {
    return start(dataDir, "node-1", Map.of());
  }

  /** A node named {@code name}, with {@code settings} (CHAT_* variables) over the shared ones. */
  public static OneNode start(Path dataDir, String name, Map<String, String> settings) {
    TestDatabase database = TestDatabase.start(dataDir);
    Map<String, String> environment = new HashMap<>(database.nodeEnvironment("one-node-" + UUID.randomUUID()));
    environment.putAll(settings);
    PayaraNode node = new PayaraNode(name, environment, TestDatabase.nodeLogs());
    try {
      node.start();
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    return new OneNode(database, node, Map.copyOf(environment));
  }

  public URI uri() {
    return node.uri();
  }

  public PayaraNode node() {
    return node;
  }

  /** The CHAT_* settings the node runs with: another node given them shares its database and secrets. */
  public Map<String, String> environment() {
    return environment;
  }

  /** The node's database itself, for a benchmark that fills it behind the node's back. */
  public DataSource dataSource() {
    return database.dataSource();
  }

  /** The node stops as on a deploy (SIGTERM); its clients see their sockets close. */
  public void stop() {
    node.stop();
  }

  /** The node comes back on the same address and waits until it is ready. */
  public void restart() {
    node.start();
  }

  /**
   * Leaves in the database what a node leaves that stored a message and died before sending it to
   * anyone: the message, numbered next in its room, that no socket ever got. {@code clientId} may be
   * null.
   */
  public void storeUnsent(String room, String sender, String text, String clientId) {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                """
                WITH numbered AS (UPDATE room SET last_seq = last_seq + 1 WHERE name = ? RETURNING id, last_seq)
                INSERT INTO message (room_id, seq, sender_id, body, client_id, sent_at)
                SELECT numbered.id, numbered.last_seq, account.id, ?, ?, now()
                FROM numbered, account WHERE account.username = ?
                """)) {
      insert.setString(1, room);
      insert.setString(2, text);
      insert.setString(3, clientId);
      insert.setString(4, sender);
      if (insert.executeUpdate() != 1) {
        throw new IllegalArgumentException("no room " + room + " or no user " + sender);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The node's database itself, for a test that works on it behind the node's back. */
  public DataSource database() {
    return database.dataSource();
  }

  /** The database goes away under the running node, as in an outage. */
  public void stopDatabase() {
    database.close();
  }

  /** A database stopped by {@link #stopDatabase} starts again. */
  public void startDatabase() {
    database.startAgain();
  }

  /** The database stands still (SIGSTOP), as a stalled host would, until {@link #resumeDatabase}. */
  public void pauseDatabase() {
    database.pause();
  }

  public void resumeDatabase() {
    database.resume();
  }

  /** The database stops for {@code down} and starts again, as in a restart or a fail-over. */
  public void restartDatabase(Duration down) {
    database.restart(down);
  }

  @Override
  public void close() {
    node.stop();
    database.close();
  }
}
