package chat.server.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.AdminUser;
import chat.dto.Authenticated;
import chat.dto.BanRequest;
import chat.dto.BanResult;
import chat.dto.Bans;
import chat.dto.Credentials;
import chat.dto.ServerFrame;
import chat.dto.UserName;
import chat.server.testing.ChatHttp;
import chat.server.testing.ChatSocket;
import chat.testing.Eventually;
import chat.server.testing.Handshake;
import chat.testing.SharedTwoNodes;
import chat.testing.TwoNodes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Roles and bans across two nodes. Node A believes the X-Forwarded-For of its loopback "load
 * balancer", so clients behind it can have addresses of their own; node B believes no header.
 */
@ExtendWith(SharedTwoNodes.class)
class ModerationIT {

  private static final int BANNED = 4003;

  private static TwoNodes cluster;
  private static ChatHttp a;
  private static ChatHttp b;
  private static Authenticated root;

  @BeforeAll
  static void useTheSharedCluster(TwoNodes shared) {
    cluster = shared;
    a = new ChatHttp(cluster.a.uri());
    b = new ChatHttp(cluster.b.uri());
    root = a.logIn(TwoNodes.ADMIN, TwoNodes.ADMIN_PASSWORD);
  }

  @Test
  void aUserGetsForbiddenOnEveryAdministratorsRoute() {
    Authenticated pat = b.signUp("pat", "pat-password");
    assertEquals(403, a.post("/api/users/ban", pat.token(), new BanRequest("root", false, "x")).status());
    assertEquals(403, b.post("/api/users/unban", pat.token(), new UserName("pat")).status());
    assertEquals(403, a.get("/api/admin/users", pat.token()).status());
    assertEquals(403, b.get("/api/admin/bans", pat.token()).status());
    assertEquals("forbidden", a.get("/api/admin/bans", pat.token()).error().error());
    assertEquals(
        403, a.post("/api/users/ban", root.token(), new BanRequest("root", false, "x")).status(),
        "an administrator cannot be banned");
  }

  @Test
  void aBanOnOneNodeClosesTheUsersSocketsOnTheOtherAndStopsTheirTokens() {
    Authenticated quinn = b.signUp("quinn", "quinn-password");
    assertFalse(seenByAdmin(a, "quinn").online());
    try (ChatSocket onB = ChatSocket.connect(b, quinn.token());
        ChatSocket onA = ChatSocket.connect(a, quinn.token())) {
      assertTrue(seenByAdmin(a, "quinn").online(), "connected on both nodes");
      BanResult result =
          a.post("/api/users/ban", root.token(), new BanRequest("quinn", false, "spam")).as(BanResult.class);
      assertEquals(new BanResult("banned", List.of()), result);

      assertEquals("spam", onB.nextOf(ServerFrame.Banned.class).reason());
      assertEquals(BANNED, onB.awaitClose());
      assertEquals("spam", onA.nextOf(ServerFrame.Banned.class).reason());
      assertEquals(BANNED, onA.awaitClose());
    }
    Eventually.within(Duration.ofSeconds(5), () -> assertFalse(seenByAdmin(b, "quinn").online()));
    assertEquals("banned", b.get("/api/account", quinn.token()).error().error());
    assertEquals(403, a.get("/api/rooms", quinn.token()).status());
    assertEquals(403, Handshake.refusalStatus(b, quinn.token()));
    assertEquals(403, a.post("/api/login", null, new Credentials("quinn", "quinn-password")).status());
    assertEquals(401, a.post("/api/login", null, new Credentials("quinn", "wrong-password")).status());
    Bans bans = b.get("/api/admin/bans", root.token()).as(Bans.class);
    assertTrue(bans.users().stream().anyMatch(ban -> ban.user().equals(quinn.user()) && ban.reason().equals("spam")));

    assertEquals(200, b.post("/api/users/unban", root.token(), new UserName("quinn")).status());
    Authenticated again = a.logIn("quinn", "quinn-password");
    assertEquals(200, b.get("/api/account", again.token()).status());
    assertEquals(401, b.get("/api/account", quinn.token()).status(), "a ban ended the tokens issued before it");
  }

  @Test
  void anAddressBanRefusesSignupLoginAndHandshakesFromThatAddress() {
    ChatHttp behindBalancer = a.forwardedFor("10.0.0.7");
    Authenticated rex = behindBalancer.signUp("rex", "rex-password");
    Authenticated sam = behindBalancer.signUp("sam", "sam-password");
    AdminUser rexSeen = seenByAdmin(a, "rex");
    assertEquals(List.of("10.0.0.7"), rexSeen.lastIps());
    assertFalse(rexSeen.banned());

    BanResult result =
        a.post("/api/users/ban", root.token(), new BanRequest("rex", true, "ban evasion")).as(BanResult.class);
    assertEquals(List.of("10.0.0.7"), result.ips());

    // Both nodes know at once; from that address nobody new signs up, logs in or connects.
    for (ChatHttp fromThere : List.of(behindBalancer, a.forwardedFor("1.2.3.4, 10.0.0.7"))) {
      assertEquals("banned", fromThere.post("/api/signup", null, new Credentials("tom", "tom-password")).error().error());
      assertEquals(403, fromThere.post("/api/login", null, new Credentials("sam", "sam-password")).status());
      assertEquals(403, Handshake.refusalStatus(fromThere, sam.token()));
    }
    // Another client behind the balancer is not affected.
    ChatHttp elsewhere = a.forwardedFor("10.0.0.8");
    elsewhere.logIn("sam", "sam-password");
    ChatSocket.connect(elsewhere, sam.token()).close();

    // Node B takes no one's word for the address: a header naming a clean address does not help.
    Authenticated uma = b.signUp("uma", "uma-password");
    assertEquals(
        List.of("127.0.0.1"),
        a.post("/api/users/ban", root.token(), new BanRequest("uma", true, "direct")).as(BanResult.class).ips());
    ChatHttp forging = b.forwardedFor("10.0.0.9");
    assertEquals(403, forging.post("/api/signup", null, new Credentials("val", "val-password")).status());
    assertEquals(403, Handshake.refusalStatus(forging, sam.token()));
    assertEquals(200, b.post("/api/users/unban", root.token(), new UserName("uma")).status());
    assertEquals(201, forging.post("/api/signup", null, new Credentials("val", "val-password")).status());

    assertEquals(200, a.post("/api/users/unban", root.token(), new UserName("rex")).status());
    Authenticated rexAgain =
        behindBalancer.post("/api/login", null, new Credentials("rex", "rex-password")).as(Authenticated.class);
    assertEquals(200, a.get("/api/account", rexAgain.token()).status());
    assertEquals(401, a.get("/api/account", rex.token()).status(), "the ban ended rex's old tokens");
  }

  private static AdminUser seenByAdmin(ChatHttp node, String username) {
    List<AdminUser> found = node.get("/api/admin/users?query=" + username, root.token()).asListOf(AdminUser.class);
    return found.stream().filter(user -> user.username().equals(username)).findFirst().orElseThrow();
  }
}
