package chat.server.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.server.testing.ChatHttp;
import chat.testing.PayaraNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL a node starts for itself listens on 127.0.0.1, where every local user can reach it: it
 * asks for a password that only the node's owner can read.
 */
class EmbeddedDatabaseIT {

  private static final Pattern PORT = Pattern.compile("embedded PostgreSQL on 127\\.0\\.0\\.1:(\\d+)");

  @TempDir static Path dataDir;
  private static PayaraNode server;
  private static String url;

  @BeforeAll
  static void start() throws IOException {
    Path logs = Files.createDirectories(dataDir.resolve("logs"));
    server =
        new PayaraNode("embedded-db", Map.of("CHAT_DATA_DIR", dataDir.toString(), "CHAT_BCRYPT_COST", "4"), logs).start();
    Matcher port = PORT.matcher(Files.readString(logs.resolve("embedded-db.log")));
    assertTrue(port.find(), "the node names its database's port");
    url = "jdbc:postgresql://127.0.0.1:" + port.group(1) + "/postgres";
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void anotherLocalUserCannotConnectWithoutThePassword() {
    // 08004: the server asked for a password the client does not have; 28P01: the password is wrong.
    SQLException none = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "postgres", "").close());
    assertEquals("08004", none.getSQLState(), none.getMessage());
    SQLException guessed = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "postgres", "guess").close());
    assertEquals("28P01", guessed.getSQLState(), guessed.getMessage());
  }

  @Test
  void thePasswordIsKeptBesideTheDataReadableByItsOwnerOnly() throws Exception {
    Path file = dataDir.resolve("postgres-password");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    try (Connection connection = DriverManager.getConnection(url, "postgres", Files.readString(file).trim())) {
      assertTrue(connection.isValid(2));
    }
    assertEquals(201, new ChatHttp(server.uri()).post("/api/signup", null, new chat.dto.Credentials("owner", "owner-password")).status());
  }
}
