package chat.server.database;

import java.nio.file.Path;

/**
 * The embedded PostgreSQL on its own, for a local cluster whose nodes share one database:
 * {@code java -cp <the WAR's classes and libraries> chat.server.database.SharedDatabase DIR PORT}.
 * Runs until it is stopped; bin/chat-cluster starts and stops it.
 */
public final class SharedDatabase {

  private SharedDatabase() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: SharedDatabase DATA_DIR PORT");
      System.exit(2);
    }
    EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]), Integer.parseInt(args[1]));
    System.out.println("PostgreSQL ready: " + database.jdbcUrl() + " (password in " + args[0] + "-password)");
    Thread.currentThread().join();
  }
}
