package chat.server.database;

import chat.server.error.DatabaseFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where this node's database is: CHAT_DB_URL (with CHAT_DB_USER and CHAT_DB_PASSWORD) when set, else an
 * embedded PostgreSQL under CHAT_DATA_DIR. Resolved once per process, once the database takes a
 * connection; the embedded server lives as long as the process and is stopped by a shutdown hook.
 */
final class DatabaseLocation {

  private static final Logger LOG = Logger.getLogger(DatabaseLocation.class.getName());
  private static final int CONNECT_TIMEOUT_SECONDS = 5;
  private static final int SOCKET_TIMEOUT_SECONDS = 15;
  private static final long RETRY_MILLIS = 500;
  private static final long REPORT_EVERY_SECONDS = 30;
  private static volatile DataSource resolved;

  private DatabaseLocation() {}

  static DataSource dataSource() throws SQLException {
    DataSource current = resolved;
    if (current != null) {
      return current;
    }
    synchronized (DatabaseLocation.class) {
      if (resolved == null) {
        resolved = resolve(ConfigProvider.getConfig(DatabaseLocation.class.getClassLoader()));
      }
      return resolved;
    }
  }

  private static DataSource resolve(Config config) throws SQLException {
    var url = config.getOptionalValue("chat.db.url", String.class).filter(u -> !u.isBlank());
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    if (url.isPresent()) {
      dataSource.setUrl(url.get());
      config.getOptionalValue("chat.db.user", String.class).ifPresent(dataSource::setUser);
      config.getOptionalValue("chat.db.password", String.class).ifPresent(dataSource::setPassword);
      LOG.info(() -> "database: " + url.get());
    } else {
      Path dataDir = Path.of(config.getOptionalValue("chat.data.dir", String.class).orElse("data"));
      try {
        EmbeddedDatabase embedded = EmbeddedDatabase.start(dataDir.toAbsolutePath().resolve("postgres"));
        dataSource.setUrl(embedded.jdbcUrl());
        dataSource.setUser(EmbeddedDatabase.USER);
        dataSource.setPassword(embedded.password());
      } catch (IOException e) {
        throw new SQLException("could not start the embedded PostgreSQL under " + dataDir, e);
      }
    }
    // Rewritten batches turn a batch of inserts into one multi-row statement: one round trip.
    dataSource.setReWriteBatchedInserts(true);
    dataSource.setApplicationName("chat");
    // A database host that vanishes without a reset (a fail-over, a cut network) would hold a waiting
    // connection for the kernel's TCP timeout, a quarter of an hour, and the message writer with it. No
    // statement of ours takes seconds; one that waits this long finds a dead connection instead.
    dataSource.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
    dataSource.setSocketTimeout(SOCKET_TIMEOUT_SECONDS);
    awaitFirstConnection(dataSource);
    return dataSource;
  }

  /**
   * Waits until the database takes a connection. The container logs in to JPA while it deploys, and a
   * deployment that fails leaves the process up without the application, never ready: a node that boots
   * before its database (a power cut, a fail-over, a database that is still starting up) waits here
   * instead, and deploys once the database answers. A refusal that waiting will not change (a wrong
   * password, no such database) fails at once.
   */
  private static void awaitFirstConnection(DataSource dataSource) throws SQLException {
    long started = System.nanoTime();
    long nextReport = 0;
    while (true) {
      try (Connection connection = dataSource.getConnection()) {
        return;
      } catch (SQLException e) {
        if (!DatabaseFailure.isDatabaseAway(e.getSQLState())) {
          throw e;
        }
        long waited = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        if (waited >= nextReport) {
          LOG.warning("waiting for the database (" + waited + " s so far): " + e.getMessage());
          nextReport = waited + REPORT_EVERY_SECONDS;
        }
      }
      try {
        Thread.sleep(RETRY_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("stopped while waiting for the database", e);
      }
    }
  }

  /** The same database without the socket timeout: a migration may take minutes on a large table. */
  static DataSource forMigrations() throws SQLException {
    PGSimpleDataSource pooled = (PGSimpleDataSource) dataSource();
    PGSimpleDataSource unbounded = new PGSimpleDataSource();
    unbounded.setUrl(pooled.getUrl());
    unbounded.setUser(pooled.getUser());
    unbounded.setPassword(pooled.getPassword());
    unbounded.setSocketTimeout(0);
    unbounded.setApplicationName("chat migrations");
    return unbounded;
  }
}
