package chat.server.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Authenticated;
import chat.dto.ClientFrame;
import chat.dto.CreatedApiKey;
import chat.dto.Credentials;
import chat.dto.Message;
import chat.dto.NewApiKey;
import chat.dto.ProfileChange;
import chat.dto.ServerFrame;
import chat.dto.ServiceMessage;
import chat.server.testing.ChatHttp;
import chat.server.testing.ChatSocket;
import chat.server.testing.Handshake;
import chat.server.testing.HttpReply;
import chat.testing.PayaraNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Floods meet the limits, and other users carry on. A node with small limits, behind a balancer. */
class RateLimitsIT {

  private static final int MESSAGES = 5;
  private static final int POLICY_VIOLATION = 1008;
  private static final int PROFILE_CHANGES = 2;
  private static final int SERVICE_CALLS = 3;

  @TempDir static Path dataDir;
  private static PayaraNode node;
  private static ChatHttp http;

  @BeforeAll
  static void start() {
    Path logs = Path.of(System.getProperty("chat.it.dataDir")).getParent().resolve("node-logs");
    node =
        new PayaraNode(
                "limits",
                Map.of(
                    "CHAT_DATA_DIR", dataDir.toString(),
                    "CHAT_BCRYPT_COST", "4",
                    "CHAT_TRUSTED_PROXIES", "127.0.0.1",
                    "CHAT_RATE_MESSAGES", MESSAGES + "/60",
                    "CHAT_RATE_CONNECTIONS", "3/60",
                    "CHAT_RATE_LOGIN_FAILURES", "3/60",
                    "CHAT_RATE_PROFILES", PROFILE_CHANGES + "/60",
                    "CHAT_RATE_SERVICES", SERVICE_CALLS + "/60",
                    "CHAT_ADMIN_USERNAME", "root",
                    "CHAT_ADMIN_PASSWORD", "root-password"),
                logs)
            .start();
    http = new ChatHttp(node.uri());
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void aFloodingSenderIsRefusedThenClosedWhileAnotherUsersMessagesFlow() {
    ChatHttp flooderHome = http.forwardedFor("10.1.0.1");
    ChatHttp calmHome = http.forwardedFor("10.1.0.2");
    Authenticated flooder = flooderHome.signUp("flooder", "flooder-password");
    Authenticated calm = calmHome.signUp("calm", "calm-password");
    http.createRoom(calm.token(), "busy");
    try (ChatSocket flooding = ChatSocket.connect(flooderHome, flooder.token());
        ChatSocket steady = ChatSocket.connect(calmHome, calm.token())) {
      for (ChatSocket socket : List.of(flooding, steady)) {
        socket.send(new ClientFrame.JoinRoom("busy"));
        socket.nextOf(ServerFrame.RoomJoined.class);
      }
      for (int i = 0; i < 3 * MESSAGES; i++) {
        flooding.send(new ClientFrame.SendChatMessage("busy", "flood " + i, "f-" + i));
      }
      List<ServerFrame.RequestFailed> refusals = new ArrayList<>();
      assertEquals(POLICY_VIOLATION, refusalsUntilClosed(flooding, refusals));
      assertTrue(refusals.size() >= MESSAGES, refusals.toString());
      assertTrue(refusals.stream().allMatch(r -> r.code().equals("rate_limited")), refusals.toString());
      assertEquals("f-" + MESSAGES, refusals.get(0).ref());

      steady.send(new ClientFrame.SendChatMessage("busy", "still here", "c-1"));
      Message mine;
      do {
        mine = steady.nextOf(ServerFrame.ChatMessagePosted.class).message();
      } while (!"c-1".equals(mine.clientId()));
      assertEquals("still here", mine.text());
    }
    List<String> flooded =
        http.get("/api/rooms/busy/messages", calm.token()).asListOf(Message.class).stream()
            .filter(m -> m.from().username().equals("flooder"))
            .map(Message::clientId)
            .toList();
    assertEquals(List.of("f-0", "f-1", "f-2", "f-3", "f-4"), flooded, "what was within the limit is stored");
  }

  @Test
  void repeatedFailedLoginsFromAnAddressAreLimitedWithoutTouchingOtherAddresses() {
    ChatHttp guesser = http.forwardedFor("10.2.0.1");
    guesser.signUp("target", "target-password");
    for (int i = 0; i < 3; i++) {
      assertEquals(401, guesser.post("/api/login", null, new Credentials("target", "guess-" + i)).status());
    }
    HttpReply limited = guesser.post("/api/login", null, new Credentials("target", "target-password"));
    assertEquals(429, limited.status());
    assertEquals("rate_limited", limited.error().error());
    ChatHttp elsewhere = http.forwardedFor("10.2.0.2");
    assertEquals(200, elsewhere.post("/api/login", null, new Credentials("target", "target-password")).status());
  }

  @Test
  void newConnectionsFromOneAddressAreLimited() {
    ChatHttp crowd = http.forwardedFor("10.3.0.1");
    Authenticated many = crowd.signUp("many", "many-password");
    List<ChatSocket> open = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        open.add(ChatSocket.connect(crowd, many.token()));
      }
      assertEquals(429, Handshake.refusalStatus(crowd, many.token()));
      // Another address behind the same balancer still gets in (connect waits for its welcome).
      ChatSocket fromElsewhere = ChatSocket.connect(http.forwardedFor("10.3.0.2"), many.token());
      open.add(fromElsewhere);
      assertTrue(fromElsewhere.isOpen());
    } finally {
      open.forEach(ChatSocket::close);
    }
  }

  private static int refusalsUntilClosed(ChatSocket socket, List<ServerFrame.RequestFailed> refusals) {
    long deadline = System.nanoTime() + ChatSocket.WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      ServerFrame frame = socket.poll(Duration.ofMillis(100));
      if (frame instanceof ServerFrame.RequestFailed failed) {
        refusals.add(failed);
      } else if (frame == null && !socket.isOpen()) {
        break;
      }
    }
    return socket.awaitClose();
  }

  @Test
  void profileChangesAreLimitedPerUser() {
    Authenticated vain = http.signUp("vain", "vain-password");
    Authenticated other = http.signUp("other", "other-password");
    for (int i = 0; i < PROFILE_CHANGES; i++) {
      assertEquals(200, http.patch("/api/account", vain.token(), new ProfileChange("Vain " + i, null)).status());
    }
    HttpReply refused = http.patch("/api/account", vain.token(), new ProfileChange("Vain again", null));
    assertEquals(429, refused.status());
    assertEquals("rate_limited", refused.error().error());
    assertTrue(refused.retryAfter() > 0);
    assertEquals(200, http.patch("/api/account", other.token(), new ProfileChange("Other", null)).status());
  }

  @Test
  void eachApiKeyHasItsOwnRate() {
    Authenticated root = http.logIn("root", "root-password");
    http.createRoom(root.token(), "feeds");
    String busy = http.post("/api/admin/keys", root.token(), new NewApiKey("busy-feed", List.of("rooms:publish")))
        .as(CreatedApiKey.class).secret();
    String quiet = http.post("/api/admin/keys", root.token(), new NewApiKey("quiet-feed", List.of("rooms:publish")))
        .as(CreatedApiKey.class).secret();
    for (int i = 0; i < SERVICE_CALLS; i++) {
      assertEquals(200, http.postWithKey("/api/s2s/rooms/feeds/messages", busy, new ServiceMessage("item " + i, "i-" + i)).status());
    }
    HttpReply refused = http.postWithKey("/api/s2s/rooms/feeds/messages", busy, new ServiceMessage("one more", "i-x"));
    assertEquals(429, refused.status());
    assertEquals("rate_limited", refused.error().error());
    assertEquals(200, http.postWithKey("/api/s2s/rooms/feeds/messages", quiet, new ServiceMessage("mine", "q-1")).status());
  }
}
