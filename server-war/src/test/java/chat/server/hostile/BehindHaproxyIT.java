package chat.server.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.AdminUser;
import chat.dto.Authenticated;
import chat.dto.Credentials;
import chat.server.testing.ChatHttp;
import chat.server.testing.ChatSocket;
import chat.server.testing.HttpReply;
import chat.testing.Eventually;
import chat.testing.Haproxy;
import chat.testing.OneNode;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behind the real HAProxy, on the configuration the project ships: a client cannot choose the address
 * the node bans, limits and records it by (whatever X-Forwarded-For it sends, the node sees its real
 * address), and the balancer's access log holds no credential of anyone's.
 */
class BehindHaproxyIT {

  private static final int LOGIN_FAILURES = 3;

  @TempDir static Path dataDir;
  private static OneNode server;
  private static Haproxy balancer;
  private static ChatHttp direct;
  private static ChatHttp throughBalancer;
  private static Authenticated root;

  @BeforeAll
  static void start() {
    server =
        OneNode.start(
            dataDir,
            "behind-haproxy",
            Map.of("CHAT_TRUSTED_PROXIES", "127.0.0.1", "CHAT_RATE_LOGIN_FAILURES", LOGIN_FAILURES + "/600"));
    balancer = Haproxy.inFrontOf(dataDir.resolve("haproxy"), List.of(server.node()));
    direct = new ChatHttp(server.uri());
    throughBalancer = new ChatHttp(balancer.uri());
    root = direct.logIn(OneNode.ADMIN, OneNode.ADMIN_PASSWORD);
  }

  @AfterAll
  static void stop() {
    if (balancer != null) {
      balancer.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aForgedForwardedForIsNotTheAddressTheNodeRecords() {
    throughBalancer.forwardedFor("203.0.113.9").signUp("forger", "forger-password");
    assertEquals(List.of("127.0.0.1"), seenByAdmin("forger").lastIps());
  }

  @Test
  void forgingAnotherAddressForEachGuessDoesNotDodgeTheLoginLimit() {
    Authenticated target = direct.forwardedFor("198.51.100.1").signUp("guessed", "guessed-password");
    for (int i = 0; i < LOGIN_FAILURES; i++) {
      ChatHttp disguised = throughBalancer.forwardedFor("203.0.113." + (10 + i));
      assertEquals(401, disguised.post("/api/login", null, new Credentials("guessed", "guess-" + i)).status());
    }
    HttpReply limited =
        throughBalancer.forwardedFor("203.0.113.99").post("/api/login", null, new Credentials("guessed", "guess"));
    assertEquals(429, limited.status(), limited.toString());
    assertEquals(200, direct.get("/api/account", target.token()).status());
  }

  @Test
  void aHostNameWhereAnAddressIsExpectedIsRefusedWithoutALookup() {
    HttpReply reply =
        direct.forwardedFor("cafe.example").post("/api/signup", null, new Credentials("named", "named-password"));
    assertEquals(400, reply.status(), reply.toString());
    assertEquals("invalid_request", reply.error().error());
  }

  @Test
  void theBalancersAccessLogHoldsNoTokenNorPassword() {
    Authenticated tess = throughBalancer.signUp("tess", "tess-password");
    throughBalancer.get("/api/account", tess.token());
    // As the desktop app, the bots and the services connect: the token in the Authorization header.
    ChatSocket.connect(throughBalancer, tess.token()).close();
    // As the browser connects: the token offered as a subprotocol beside chat, which the node picks.
    WebSocket browserLike =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .subprotocols("chat", "bearer." + tess.token())
            .buildAsync(throughBalancer.socketUri(), new WebSocket.Listener() {})
            .join();
    assertEquals("chat", browserLike.getSubprotocol());
    browserLike.sendClose(WebSocket.NORMAL_CLOSURE, "").join();

    // A socket's line is written when it ends.
    Eventually.within(
        Duration.ofSeconds(15),
        () -> assertEquals(2, balancer.log().lines().filter(line -> line.contains("GET /ws")).count()));
    String log = balancer.log();
    assertTrue(log.contains("POST /api/signup"), log);
    String signature = tess.token().substring(tess.token().indexOf('.') + 1);
    assertFalse(log.contains(signature), "a token in the balancer's log:\n" + log);
    assertFalse(log.contains("tess-password"), log);
  }

  private static AdminUser seenByAdmin(String username) {
    return direct.get("/api/admin/users?query=" + username, root.token()).asListOf(AdminUser.class).stream()
        .filter(user -> user.username().equals(username))
        .findFirst()
        .orElseThrow();
  }
}
