package chat.server.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Authenticated;
import chat.dto.ClientFrame;
import chat.dto.CreateRoom;
import chat.dto.Credentials;
import chat.dto.ServerFrame;
import chat.dto.UserName;
import chat.server.testing.ChatHttp;
import chat.server.testing.ChatSocket;
import chat.server.testing.HttpReply;
import chat.testing.PayaraNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every action that pushes frames to other people or costs the node a password hash has a limit, per
 * user or per address, so no one can flood the others with it. A node with small limits, behind a
 * "balancer" on loopback so clients can have addresses of their own.
 */
class FloodsIT {

  private static final int LIMIT = 3;

  @TempDir static Path dataDir;
  private static PayaraNode server;
  private static ChatHttp http;

  @BeforeAll
  static void start() {
    Path logs = Path.of(System.getProperty("chat.it.dataDir")).getParent().resolve("node-logs");
    String small = LIMIT + "/600";
    server =
        new PayaraNode(
                "floods",
                Map.of(
                    "CHAT_DATA_DIR", dataDir.toString(),
                    "CHAT_BCRYPT_COST", "10",
                    "CHAT_TRUSTED_PROXIES", "127.0.0.1",
                    "CHAT_RATE_JOINS", small,
                    "CHAT_RATE_ROOMS", small,
                    "CHAT_RATE_SOCIAL", small,
                    "CHAT_RATE_DELETIONS", small,
                    "CHAT_RATE_SIGNUPS", small,
                    "CHAT_RATE_LOGIN_FAILURES", small),
                logs)
            .start();
    http = new ChatHttp(server.uri());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void joiningAndLeavingOverAndOverIsLimited() {
    ChatHttp home = http.forwardedFor("10.60.0.1");
    Authenticated joiner = home.signUp("joiner", "joiner-password");
    home.createRoom(joiner.token(), "revolving");
    try (ChatSocket socket = ChatSocket.connect(home, joiner.token())) {
      List<String> answers = new ArrayList<>();
      for (int i = 0; i < 2 * LIMIT; i++) {
        socket.send(new ClientFrame.JoinRoom("revolving"));
        socket.send(new ClientFrame.LeaveRoom("revolving"));
      }
      socket.send(new ClientFrame.Ping());
      for (ServerFrame frame = socket.next(ServerFrame.class);
          !(frame instanceof ServerFrame.Pong);
          frame = socket.next(ServerFrame.class)) {
        if (frame instanceof ServerFrame.RequestFailed failed) {
          answers.add(failed.code());
        }
      }
      assertTrue(answers.size() >= LIMIT, "refusals: " + answers);
      assertTrue(answers.stream().allMatch("rate_limited"::equals), answers.toString());
    }
  }

  @Test
  void creatingRoomsIsLimited() {
    ChatHttp home = http.forwardedFor("10.60.0.2");
    Authenticated builder = home.signUp("builder", "builder-password");
    assertLimited(i -> home.post("/api/rooms", builder.token(), new CreateRoom("room-" + i)));
  }

  @Test
  void friendRequestsAndBlocksAreLimited() {
    ChatHttp home = http.forwardedFor("10.60.0.3");
    Authenticated pest = home.signUp("pest", "pest-password");
    home.signUp("target", "target-password");
    assertLimited(
        i -> home.post(i % 2 == 0 ? "/api/users/add" : "/api/users/remove", pest.token(), new UserName("target")));
    Authenticated other = home.signUp("blocker", "blocker-password");
    assertLimited(
        i -> home.post(i % 2 == 0 ? "/api/users/block" : "/api/users/unblock", other.token(), new UserName("target")));
  }

  @Test
  void signupsFromOneAddressAreLimited() {
    ChatHttp factory = http.forwardedFor("10.60.0.4");
    assertLimited(i -> factory.post("/api/signup", null, new Credentials("bot-" + i, "bot-password")));
    assertEquals(201, http.forwardedFor("10.60.0.5").post("/api/signup", null, new Credentials("human", "human-password")).status());
  }

  @Test
  void concurrentPasswordGuessesCannotAllPassTheFailedLoginLimit() {
    http.forwardedFor("10.60.0.6").signUp("victim", "victim-password");
    ChatHttp guesser = http.forwardedFor("10.60.0.7");
    List<CompletableFuture<Integer>> guesses = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String guess = "guess-" + i;
      guesses.add(
          CompletableFuture.supplyAsync(
              () -> guesser.post("/api/login", null, new Credentials("victim", guess)).status()));
    }
    List<Integer> statuses = guesses.stream().map(CompletableFuture::join).toList();
    assertEquals(LIMIT, statuses.stream().filter(s -> s == 401).count(), "checked guesses: " + statuses);
    assertEquals(12 - LIMIT, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
  }

  @Test
  void anIpv6ClientIsCountedByItsSlash64() {
    http.forwardedFor("10.60.0.8").signUp("v6target", "v6target-password");
    for (int i = 0; i < LIMIT; i++) {
      ChatHttp oneOfMany = http.forwardedFor("2001:db8:0:1::" + Integer.toHexString(i + 1));
      assertEquals(401, oneOfMany.post("/api/login", null, new Credentials("v6target", "wrong-" + i)).status());
    }
    HttpReply fromTheSameNetwork =
        http.forwardedFor("2001:db8:0:1:ffff::9").post("/api/login", null, new Credentials("v6target", "wrong"));
    assertEquals(429, fromTheSameNetwork.status());
    HttpReply fromAnotherNetwork =
        http.forwardedFor("2001:db8:0:2::1").post("/api/login", null, new Credentials("v6target", "v6target-password"));
    assertEquals(200, fromAnotherNetwork.status());
  }

  /** The first LIMIT calls pass (or fail for their own reasons); the next one is 429 with Retry-After. */
  private static void assertLimited(java.util.function.IntFunction<HttpReply> call) {
    for (int i = 0; i < LIMIT; i++) {
      HttpReply reply = call.apply(i);
      assertTrue(reply.status() < 300, "call " + i + " within the limit: " + reply);
    }
    HttpReply refused = call.apply(LIMIT);
    assertEquals(429, refused.status(), refused.toString());
    assertEquals("rate_limited", refused.error().error());
    assertTrue(refused.retryAfter() > 0, refused.toString());
  }
}
