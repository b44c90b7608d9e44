package chat.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * One real PostgreSQL on loopback for the nodes of a test, and the settings those nodes share: the
 * database, one token secret (a token from one node is good on another) and the first administrator.
 */
public final class TestDatabase implements AutoCloseable {

  public static final String ADMIN = "root";
  public static final String ADMIN_PASSWORD = "root-password";

  private EmbeddedPostgres postgres;
  private final Path dataDir;

  private TestDatabase(EmbeddedPostgres postgres, Path dataDir) {
    this.postgres = postgres;
    this.dataDir = dataDir;
  }

  public static TestDatabase start(Path dataDir) {
    return new TestDatabase(postgres(dataDir, 0), dataDir);
  }

  /**
   * Stops PostgreSQL for {@code down} and starts it again on the same port with the same data, as a
   * restart or a fail-over does: every connection the nodes held is gone.
   */
  public void restart(Duration down) {
    close();
    try {
      Thread.sleep(down.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    startAgain();
  }

  /** Starts a stopped database again on its port with its data. */
  public void startAgain() {
    postgres = postgres(dataDir, postgres.getPort());
  }

  /**
   * Stops every process of the database where it stands (SIGSTOP), as a stalled host or a saturated disk
   * would: connections stay open and nothing answers on them.
   */
  public void pause() {
    signalAll("STOP");
  }

  /** Lets a paused database run on (SIGCONT). */
  public void resume() {
    signalAll("CONT");
  }

  /** The postmaster (the first line of postmaster.pid) and every backend it forked. */
  private void signalAll(String signal) {
    try {
      String postmaster = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(0).trim();
      Process children = new ProcessBuilder("pgrep", "-P", postmaster).start();
      List<String> pids = new ArrayList<>(List.of(postmaster));
      pids.addAll(new String(children.getInputStream().readAllBytes()).lines().toList());
      children.waitFor();
      List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
      command.addAll(pids);
      if (new ProcessBuilder(command).inheritIO().start().waitFor() != 0) {
        throw new IllegalStateException("kill -" + signal + " failed for " + pids);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Its data is kept when it stops (the tests' own directories are temporary), so that it can restart. */
  private static EmbeddedPostgres postgres(Path dataDir, int port) {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir.resolve("postgres"))
              .setCleanDataDirectory(false)
              .setServerConfig("listen_addresses", "127.0.0.1");
      if (port != 0) {
        builder.setPort(port);
      }
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * CHAT_* settings for a node on this database; nodes given the same secret accept each other's tokens
   * and each other's events.
   */
  public Map<String, String> nodeEnvironment(String secret) {
    return Map.of(
        "CHAT_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
        "CHAT_DB_USER", "postgres",
        "CHAT_TOKEN_SECRET", secret,
        "CHAT_CLUSTER_SECRET", "cluster-" + secret,
        "CHAT_DATA_DIR", dataDir.toString(),
        "CHAT_BCRYPT_COST", "4",
        "CHAT_ADMIN_USERNAME", ADMIN,
        "CHAT_ADMIN_PASSWORD", ADMIN_PASSWORD);
  }

  /** The database itself, for a test that changes it behind the nodes' back. */
  public DataSource dataSource() {
    return postgres.getPostgresDatabase();
  }

  /** Where node logs go: beside the test data, under {@code node-logs}. */
  static Path nodeLogs() {
    return Path.of(System.getProperty("chat.it.dataDir")).getParent().resolve("node-logs");
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
