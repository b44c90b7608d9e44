package chat.server.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Authenticated;
import chat.dto.ClientFrame;
import chat.dto.Credentials;
import chat.dto.ServerFrame;
import chat.dto.UserName;
import chat.server.testing.ChatHttp;
import chat.server.testing.ChatSocket;
import chat.server.testing.HttpReply;
import chat.testing.OneNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a node tells a stranger: no SQL or driver text when the database is away, no parser internals
 * for bad JSON, no message text in its log, no host name in its headers. The database is stopped for
 * the last tests.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeaksIT {

  /** Words of PostgreSQL's driver, JSON parsers and Java that have no business in an answer. */
  private static final Pattern INTERNALS =
      Pattern.compile(
          "(?i)sql|psql|postgres|jdbc|connection (to|refused|has been closed|attempt)|i/o error|exception|token=|line no|curlyopen|yasson|parsson|hostname");

  @TempDir static Path dataDir;
  private static OneNode server;
  private static ChatHttp node;

  @BeforeAll
  static void start() {
    server = OneNode.start(dataDir, "leaks", Map.of("CHAT_NODE_NAME", ""));
    node = new ChatHttp(server.uri());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void withoutANodeNameTheNodeIsNamedByARandomIdNotItsHost() throws IOException {
    String named = node.get("/api/rooms", null).node();
    assertTrue(named.matches("node-[0-9a-f]{8}"), named);
    assertFalse(named.contains(InetAddress.getLocalHost().getHostName()), named);
  }

  @Test
  @Order(2)
  void malformedJsonIsRefusedWithoutTheParsersWords() {
    for (String body : List.of("{bad", "{\"username\": [1, 2]}", "{\"username\": \"a\", \"password\": 12e999999}")) {
      HttpReply reply = node.postRaw("/api/signup", null, body);
      assertEquals(400, reply.status(), reply.toString());
      assertClean(reply.body());
    }
    Authenticated ann = node.signUp("ann", "ann-password");
    try (ChatSocket socket = ChatSocket.connect(node, ann.token())) {
      for (String frame :
          List.of("{not json", "{\"type\":\"join_room\",\"room\":[1]}", "{\"type\":\"join_room\",\"room\":\"x\",\"after\":1e99}")) {
        socket.sendRaw(frame);
        ServerFrame.RequestFailed refused = socket.nextOf(ServerFrame.RequestFailed.class);
        assertTrue(!refused.code().equals("internal"), refused.toString());
        assertClean(refused.message());
      }
    }
  }

  @Test
  @Order(3)
  void withTheDatabaseAwayAnswersAndTheLogHoldNoInternalsOrMessageText() {
    Authenticated bea = node.signUp("bea", "bea-password");
    node.signUp("cal", "cal-password");
    try (ChatSocket socket = ChatSocket.connect(node, bea.token())) {
      server.stopDatabase();

      HttpReply readiness = node.get("/health/ready", null);
      assertEquals(503, readiness.status());
      assertClean(readiness.body());
      HttpReply social = node.post("/api/users/add", bea.token(), new UserName("cal"));
      assertEquals(503, social.status(), social.toString());
      assertClean(social.body());
      // Accounts and rooms go through JPA, the social graph through JDBC: both fail the same way.
      HttpReply login = node.post("/api/login", null, new Credentials("bea", "bea-password"));
      assertEquals(503, login.status(), login.toString());
      assertClean(login.body());

      socket.send(new ClientFrame.JoinRoom("the-secret-plans-room"));
      ServerFrame.RequestFailed refused = socket.nextOf(ServerFrame.RequestFailed.class);
      assertEquals("unavailable", refused.code(), refused.toString());
      assertClean(refused.message());
      socket.send(new ClientFrame.SendDirectMessage("cal", "my secret message text", "s-1"));
      assertClean(socket.nextOf(ServerFrame.RequestFailed.class).message());
      socket.sync();
    }
    String written = read(server.node().log());
    assertFalse(written.contains("the-secret-plans-room"), "a frame's content is in the log");
    assertFalse(written.contains("my secret message text"), "a message's text is in the log");
  }

  private static void assertClean(String answer) {
    assertFalse(INTERNALS.matcher(answer).find(), "internals in: " + answer);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
