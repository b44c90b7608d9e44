package chat.server.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Authenticated;
import chat.dto.ClientFrame;
import chat.dto.Message;
import chat.dto.ServerFrame;
import chat.server.testing.ChatHttp;
import chat.server.testing.ChatSocket;
import chat.testing.Eventually;
import chat.testing.Names;
import chat.testing.OneNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node stops in the middle of storing a batch, holding its room's row: the other nodes' writers,
 * which need that row for the room's next message, must not wait for it to move again. The test stands
 * in for them with a connection of its own. The chaos suite's freeze met this one time in three: every
 * sender of the cluster waited the freeze out (10 s).
 */
class FrozenWriterIT {

  /** How long the stand-in for another node's writer waits for the room at most. */
  private static final Duration ANOTHER_WRITER_WAITS = Duration.ofSeconds(8);

  @TempDir static Path dataDir;
  private static OneNode server;
  private static ChatHttp http;

  @BeforeAll
  static void start() {
    server = OneNode.start(dataDir, "frozen-writer", Map.of());
    http = new ChatHttp(server.uri());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aNodeStoppedInsideItsTransactionHoldsTheRoomForSecondsNotForAsLongAsItStands() throws Exception {
    Authenticated ivy = http.signUp(Names.unique("ivy"), "ivy-password");
    String room = http.createRoom(ivy.token(), Names.unique("held")).name();
    DataSource database = server.database();
    try (ChatSocket socket = ChatSocket.connect(http, ivy.token())) {
      socket.send(new ClientFrame.JoinRoom(room));
      socket.nextOf(ServerFrame.RoomJoined.class);
      long waited;
      try {
        try (Connection blocker = database.getConnection()) {
          blocker.setAutoCommit(false);
          lockRoom(blocker, room);
          socket.send(new ClientFrame.SendChatMessage(room, "stuck", "s-1"));
          Eventually.within(Duration.ofSeconds(10), () -> assertTrue(aWriterWaitsForALock(database)));
          // Stopped while it waits; the lock it waits for is given to it now, so that it holds the
          // room's row inside its transaction, standing still.
          server.node().freeze();
          blocker.rollback();
        }
        try (Connection otherWriter = database.getConnection()) {
          otherWriter.setAutoCommit(false);
          try (var statement = otherWriter.createStatement()) {
            statement.execute("SET LOCAL lock_timeout = '" + ANOTHER_WRITER_WAITS.toMillis() + "ms'");
          }
          long asked = System.nanoTime();
          lockRoom(otherWriter, room);
          waited = Duration.ofNanos(System.nanoTime() - asked).toMillis();
          otherWriter.rollback();
        }
      } finally {
        server.node().thaw();
      }
      assertTrue(waited < ANOTHER_WRITER_WAITS.toMillis(), "another writer waited " + waited + " ms for the room");

      // The stopped batch was rolled back: its sender, who never had an answer, sends it again.
      ServerFrame.RequestFailed refused = socket.nextOf(ServerFrame.RequestFailed.class);
      assertEquals("unavailable", refused.code());
      socket.send(new ClientFrame.SendChatMessage(room, "stuck", "s-1"));
      Message stored = socket.nextOf(ServerFrame.ChatMessagePosted.class).message();
      Eventually.within(
          Duration.ofSeconds(10),
          () -> assertEquals(
              List.of(stored), http.get("/api/rooms/" + room + "/messages", ivy.token()).asListOf(Message.class)));
    }
  }

  /** As the message writer locks a room's row for the room's next seq. */
  private static void lockRoom(Connection connection, String room) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("SELECT id FROM room WHERE name = ? FOR UPDATE")) {
      lock.setString(1, room);
      lock.executeQuery().close();
    }
  }

  private static boolean aWriterWaitsForALock(DataSource database) {
    try (Connection connection = database.getConnection();
        PreparedStatement waiting =
            connection.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'chat' AND wait_event_type = 'Lock'");
        ResultSet rows = waiting.executeQuery()) {
      rows.next();
      return rows.getInt(1) > 0;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
