package chat.server.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.AdminUser;
import chat.dto.Authenticated;
import chat.dto.BanRequest;
import chat.dto.ClientFrame;
import chat.dto.Message;
import chat.dto.ServerFrame;
import chat.server.testing.ChatHttp;
import chat.server.testing.ChatSocket;
import chat.testing.Eventually;
import chat.testing.OneNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ban takes effect at once, whatever the banned client does: one that stops reading keeps no socket
 * that still takes its frames, and an address ban reaches every account at that address. The node
 * stands behind a "balancer" on loopback, so clients can have addresses of their own.
 */
class BanEnforcementIT {

  private static final int BANNED = 4003;
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir static Path dataDir;
  private static OneNode server;
  private static ChatHttp node;
  private static Authenticated root;

  @BeforeAll
  static void start() {
    server = OneNode.start(dataDir, "bans", Map.of("CHAT_TRUSTED_PROXIES", "127.0.0.1"));
    node = new ChatHttp(server.uri());
    root = node.logIn(OneNode.ADMIN, OneNode.ADMIN_PASSWORD);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aBannedClientThatStopsReadingCannotSendAnotherMessage() {
    Authenticated eve = node.signUp("eve", "eve-password");
    Authenticated mallory = node.signUp("mallory", "mallory-password");
    node.createRoom(eve.token(), "watched");
    String text = "y".repeat(2000);
    try (ChatSocket observer = ChatSocket.connect(node, eve.token());
        ChatSocket hostile = ChatSocket.connect(node, mallory.token())) {
      for (ChatSocket socket : List.of(observer, hostile)) {
        socket.send(new ClientFrame.JoinRoom("watched"));
        socket.nextOf(ServerFrame.RoomJoined.class);
      }
      for (int i = 0; i < 200; i++) {
        observer.send(new ClientFrame.SendChatMessage("watched", text, "e-" + i));
      }
      for (int i = 0; i < 200; i++) {
        observer.nextOf(ServerFrame.ChatMessagePosted.class);
      }
      // Mallory asks for the room's 440 KB of history and reads none of it, nor anything after.
      hostile.stall();
      hostile.send(ClientFrame.JoinRoom.afterSeq("watched", 0));
      // Her frames are handled in order: once her next message reaches Eve, the node has read the join
      // and is sending its answer to a client that reads nothing (within what the kernel's buffers hold).
      hostile.send(new ClientFrame.SendChatMessage("watched", "before the ban", "m-before"));
      awaitText(observer, "before the ban");
      assertTrue(seenByAdmin("mallory").online(), "her socket is open when the ban comes, not closed for being slow");

      assertEquals(200, node.post("/api/users/ban", root.token(), new BanRequest("mallory", false, "spam")).status());
      // The node holds the ban once it refuses her token for it; from then on nothing of hers counts.
      Eventually.within(WAIT, () -> assertEquals(403, node.get("/api/account", mallory.token()).status()));
      sendIfOpen(hostile, new ClientFrame.SendChatMessage("watched", "after the ban", "m-after"));
      Eventually.within(WAIT, () -> assertFalse(seenByAdmin("mallory").online(), "the node still holds her socket"));
      // Whatever of hers the node took before her socket closed went to the writer before Eve's next
      // message, and the writer stores in order: Eve's message coming back is the barrier.
      observer.send(new ClientFrame.SendChatMessage("watched", "after hers", "e-after"));
      for (ServerFrame frame = observer.next(ServerFrame.class); ; frame = observer.next(ServerFrame.class)) {
        if (frame instanceof ServerFrame.ChatMessagePosted posted) {
          assertNotEquals("after the ban", posted.message().text(), "a banned user's message reached the room");
          if ("e-after".equals(posted.message().clientId())) {
            break;
          }
        }
      }
      hostile.close();
    }
    List<Message> history = node.get("/api/rooms/watched/messages", eve.token()).asListOf(Message.class);
    assertTrue(history.stream().noneMatch(m -> m.text().equals("after the ban")), "a banned user's message was stored");
  }

  @Test
  void anAddressBanClosesEverySocketAndRefusesEveryTokenFromThatAddress() {
    ChatHttp shared = node.forwardedFor("10.44.0.1");
    Authenticated sybil = shared.signUp("sybil", "sybil-password");
    Authenticated sock = shared.signUp("sockpuppet", "sockpuppet-password");
    ChatHttp elsewhere = node.forwardedFor("10.44.0.2");
    try (ChatSocket puppet = ChatSocket.connect(shared, sock.token());
        ChatSocket puppetElsewhere = ChatSocket.connect(elsewhere, sock.token())) {
      assertEquals(
          200, node.post("/api/users/ban", root.token(), new BanRequest("sybil", true, "evasion")).status());
      assertEquals(BANNED, puppet.awaitClose(), "another account's socket from the banned address");
      assertEquals(403, shared.get("/api/account", sock.token()).status());
      assertEquals("banned", shared.get("/api/rooms", sock.token()).error().error());

      assertTrue(puppetElsewhere.isOpen(), "the same account from another address is not banned");
      puppetElsewhere.sync();
      assertEquals(200, elsewhere.get("/api/account", sock.token()).status());
      assertEquals(403, elsewhere.get("/api/account", sybil.token()).status(), "the banned account itself");
    }
  }


  private static void awaitText(ChatSocket socket, String text) {
    for (ServerFrame frame = socket.next(ServerFrame.class);
        !(frame instanceof ServerFrame.ChatMessagePosted posted && posted.message().text().equals(text));
        frame = socket.next(ServerFrame.class)) {
      // earlier frames: not what this waits for
    }
  }

  private static AdminUser seenByAdmin(String username) {
    List<AdminUser> found = node.get("/api/admin/users?query=" + username, root.token()).asListOf(AdminUser.class);
    return found.stream().filter(user -> user.username().equals(username)).findFirst().orElseThrow();
  }

  private static void sendIfOpen(ChatSocket socket, ClientFrame frame) {
    try {
      socket.send(frame);
    } catch (RuntimeException closedAlready) {
      // The node closed it at once: the point of the test.
    }
  }
}
