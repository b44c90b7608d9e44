package chat.server.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Authenticated;
import chat.dto.Credentials;
import chat.dto.PasswordChange;
import chat.server.testing.ChatHttp;
import chat.server.testing.ChatSocket;
import chat.server.testing.TokenForge;
import chat.testing.PayaraNode;
import chat.testing.OneNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logins can be ended, and nothing outlives them: "log out everywhere" and a new password end every
 * older token on every route and close its sockets; a socket closes when its token expires; a role
 * written into a token grants nothing; the configured administrator never takes over an existing
 * ordinary account.
 */
class TokensIT {

  private static final int UNAUTHORIZED = 4001;
  @TempDir static Path dataDir;
  private static OneNode server;
  private static ChatHttp node;
  private static String secret;

  @BeforeAll
  static void start() {
    server = OneNode.start(dataDir, "tokens", Map.of("CHAT_HEARTBEAT_SECONDS", "3"));
    node = new ChatHttp(server.uri());
    secret = server.environment().get("CHAT_TOKEN_SECRET");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void loggingOutEverywhereEndsEveryTokenAndClosesItsSockets() {
    Authenticated phone = node.signUp("ulla", "ulla-password");
    Authenticated laptop = node.logIn("ulla", "ulla-password");
    try (ChatSocket onPhone = ChatSocket.connect(node, phone.token());
        ChatSocket onLaptop = ChatSocket.connect(node, laptop.token())) {
      assertEquals(200, node.post("/api/logout-all", laptop.token(), "").status());
      assertEquals(UNAUTHORIZED, onPhone.awaitClose());
      assertEquals(UNAUTHORIZED, onLaptop.awaitClose());
    }
    assertEquals(401, node.get("/api/account", phone.token()).status());
    assertEquals(401, node.get("/api/account", laptop.token()).status());
    Authenticated again = node.logIn("ulla", "ulla-password");
    assertEquals(200, node.get("/api/account", again.token()).status());
    ChatSocket.connect(node, again.token()).close();
  }

  @Test
  void aNewPasswordEndsOlderTokensAndHandsTheChangerANewOne() {
    Authenticated old = node.signUp("vera", "vera-password");
    assertEquals(403, node.post("/api/account/password", old.token(), new PasswordChange("wrong", "vera-new-password")).status());
    Authenticated renewed =
        node.post("/api/account/password", old.token(), new PasswordChange("vera-password", "vera-new-password"))
            .as(Authenticated.class);
    assertEquals(401, node.get("/api/account", old.token()).status());
    assertEquals(200, node.get("/api/account", renewed.token()).status());
    assertEquals(401, node.post("/api/login", null, new Credentials("vera", "vera-password")).status());
    node.logIn("vera", "vera-new-password");
  }

  @Test
  void aSocketClosesWhenItsTokenExpires() {
    Authenticated wes = node.signUp("wes", "wes-password");
    String shortLived =
        TokenForge.sign(secret, wes.user().id(), "wes", Instant.now().plusSeconds(2).getEpochSecond());
    try (ChatSocket socket = ChatSocket.connect(node, shortLived)) {
      assertEquals(UNAUTHORIZED, socket.awaitClose());
    }
  }

  @Test
  void aRoleWrittenIntoATokenGrantsNothing() {
    Authenticated xan = node.signUp("xan", "xan-password");
    String claimsAdmin =
        TokenForge.signClaims(
            secret,
            "{\"exp\":%d,\"name\":\"xan\",\"role\":\"ADMIN\",\"sub\":%d}"
                .formatted(Instant.now().plusSeconds(600).getEpochSecond(), xan.user().id()));
    assertEquals(200, node.get("/api/account", claimsAdmin).status());
    assertEquals(403, node.get("/api/admin/users", claimsAdmin).status());
    assertEquals(403, node.get("/api/admin/bans", claimsAdmin).status());
  }

  @Test
  void theConfiguredAdministratorNeverTakesOverAnExistingOrdinaryAccount() throws IOException {
    Authenticated yuri = node.signUp("yuri", "yuri-password");
    Map<String, String> environment = new HashMap<>(server.environment());
    environment.putAll(Map.of("CHAT_ADMIN_USERNAME", "yuri", "CHAT_ADMIN_PASSWORD", "taken-over"));
    PayaraNode usurping = new PayaraNode("usurping", environment, dataDir.resolve("logs"));
    try {
      assertThrows(IllegalStateException.class, usurping::start, "a node that would promote yuri started");
    } finally {
      usurping.kill();
    }
    assertTrue(Files.readString(usurping.log()).contains("an existing ordinary account"));
    assertEquals(401, node.post("/api/login", null, new Credentials("yuri", "taken-over")).status());
    assertEquals(403, node.get("/api/admin/users", yuri.token()).status());
  }
}
