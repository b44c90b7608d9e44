package chat.server.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.AdminUser;
import chat.dto.ApiKey;
import chat.dto.Authenticated;
import chat.dto.BanRequest;
import chat.dto.ClientFrame;
import chat.dto.CreatedApiKey;
import chat.dto.Credentials;
import chat.dto.Delivered;
import chat.dto.Message;
import chat.dto.NewApiKey;
import chat.dto.Notify;
import chat.dto.Role;
import chat.dto.ServerFrame;
import chat.dto.ServiceMessage;
import chat.dto.UserName;
import chat.server.testing.ChatHttp;
import chat.server.testing.ChatSocket;
import chat.server.testing.HttpReply;
import chat.testing.SharedTwoNodes;
import chat.testing.TwoNodes;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Another service calls in with an API key made through one node, and is served by both. */
@ExtendWith(SharedTwoNodes.class)
class ServicesIT {

  private static final List<String> BOTH_SCOPES = List.of("rooms:publish", "users:notify");

  private static ChatHttp a;
  private static ChatHttp b;
  private static Authenticated root;

  @BeforeAll
  static void useTheSharedCluster(TwoNodes shared) {
    a = new ChatHttp(shared.a.uri());
    b = new ChatHttp(shared.b.uri());
    root = a.logIn(TwoNodes.ADMIN, TwoNodes.ADMIN_PASSWORD);
  }

  @Test
  void aKeyMadeOnOneNodePublishesIntoARoomWhoseMembersAreOnTheOtherOnceByClientId() {
    Authenticated xia = b.signUp("xia", "xia-password");
    a.createRoom(xia.token(), "deals");
    CreatedApiKey created = createKey(a, "shop", BOTH_SCOPES);
    assertTrue(created.secret().startsWith("chk_"), created.secret());
    assertEquals(Role.SERVICE, created.key().service().role());
    assertEquals("shop", created.key().service().displayName());

    try (ChatSocket xiaOnB = ChatSocket.connect(b, xia.token())) {
      xiaOnB.send(new ClientFrame.JoinRoom("deals"));
      xiaOnB.nextOf(ServerFrame.RoomJoined.class);

      HttpReply posted = a.postWithKey("/api/s2s/rooms/DEALS/messages", created.secret(),
          new ServiceMessage("Double points this weekend", "promo-48"));
      assertEquals(200, posted.status(), posted.body());
      Message message = posted.as(Message.class);
      assertEquals("deals", message.room());
      assertEquals(created.key().service(), message.from());
      assertEquals(message, xiaOnB.nextOf(ServerFrame.ChatMessagePosted.class).message());

      HttpReply replayed = b.postWithKey("/api/s2s/rooms/deals/messages", created.secret(),
          new ServiceMessage("Double points this weekend", "promo-48"));
      assertEquals(message, replayed.as(Message.class), "a retried call answers the stored original");
      assertEquals(List.of(message), b.get("/api/rooms/deals/messages", xia.token()).asListOf(Message.class));
    }
    ApiKey listed = keys(b).stream().filter(k -> k.id() == created.key().id()).findFirst().orElseThrow();
    assertEquals(BOTH_SCOPES, listed.scopes());
    assertTrue(listed.lastUsedAt() != null, "the key's last use is recorded");
    assertFalse(b.get("/api/admin/keys", root.token()).body().contains(created.secret()), "the secret is shown once");
  }

  @Test
  void aNotifyReachesEverySocketOfTheUserOnBothNodesAndSaysHowMany() {
    Authenticated yan = a.signUp("yan", "yan-password");
    a.signUp("zed", "zed-password");
    String key = createKey(b, "rewards", List.of("users:notify")).secret();
    JsonObject data = Json.createObjectBuilder().add("code", "WELCOME-42").add("points", 5).build();
    try (ChatSocket yanOnA = ChatSocket.connect(a, yan.token());
        ChatSocket yanOnB = ChatSocket.connect(b, yan.token());
        ChatSocket yanAgainOnB = ChatSocket.connect(b, yan.token())) {
      HttpReply answer = a.postWithKey("/api/s2s/users/yan/notify", key, new Notify("reward", data));
      assertEquals(200, answer.status(), answer.body());
      assertEquals(new Delivered(3), answer.as(Delivered.class));
      for (ChatSocket socket : List.of(yanOnA, yanOnB, yanAgainOnB)) {
        ServerFrame.Notification notification = socket.nextOf(ServerFrame.Notification.class);
        assertEquals("reward", notification.kind());
        assertEquals(data, notification.data());
        assertEquals("rewards", notification.from().username());
        assertEquals(Role.SERVICE, notification.from().role());
      }
    }
    assertEquals(new Delivered(0), b.postWithKey("/api/s2s/users/zed/notify", key, new Notify("reward", data))
        .as(Delivered.class), "zed has no socket open: the caller learns the user was offline");
    assertEquals("not_found", a.postWithKey("/api/s2s/users/nobody-here/notify", key, new Notify("reward", null))
        .error().error());
  }

  @Test
  void aRevokedKeyIsRefusedOnBothNodesAtOnce() {
    a.createRoom(root.token(), "revocations");
    CreatedApiKey created = createKey(a, "builds", List.of("rooms:publish"));
    assertEquals(200, b.postWithKey("/api/s2s/rooms/revocations/messages", created.secret(),
        new ServiceMessage("build 1 passed", "b-1")).status());

    assertEquals(204, a.delete("/api/admin/keys/" + created.key().id(), root.token()).status());
    for (ChatHttp node : List.of(a, b)) {
      HttpReply refused = node.postWithKey("/api/s2s/rooms/revocations/messages", created.secret(),
          new ServiceMessage("build 2 passed", "b-2"));
      assertEquals(401, refused.status());
      assertEquals("unauthorized", refused.error().error());
    }
    assertFalse(keys(a).stream().anyMatch(k -> k.id() == created.key().id()));
    assertEquals("not_found", b.delete("/api/admin/keys/" + created.key().id(), root.token()).error().error());
    assertEquals("not_found", b.delete("/api/admin/keys/x1", root.token()).error().error());
  }

  @Test
  void aKeyIsRefusedWhenWrongMalformedMissingOrOutOfScopeAndIsNoBearerToken() {
    a.createRoom(root.token(), "scoped");
    Authenticated ari = a.signUp("ari", "ari-password");
    String publishOnly = createKey(a, "digest", List.of("rooms:publish")).secret();
    String wrongSecret = publishOnly.substring(0, publishOnly.length() - 4) + "AAAA";
    ServiceMessage message = new ServiceMessage("hello", "s-1");
    for (String key : List.of(wrongSecret, "chk_1_short", "not-a-key", "")) {
      assertEquals(401, b.postWithKey("/api/s2s/rooms/scoped/messages", key, message).status(), key);
    }
    assertEquals(401, b.postWithKey("/api/s2s/rooms/scoped/messages", null, message).status());
    assertEquals(401, b.post("/api/s2s/rooms/scoped/messages", ari.token(), message).status(),
        "a user's token is not a key");
    HttpReply outOfScope = b.postWithKey("/api/s2s/users/ari/notify", publishOnly, new Notify("x", null));
    assertEquals(403, outOfScope.status());
    assertEquals("forbidden", outOfScope.error().error());
    assertEquals(401, a.getWithKey("/api/rooms", publishOnly).status(), "a key is not a user's token");
  }

  @Test
  void badCallsGetTheContractsErrorsAndStoreNothing() {
    a.createRoom(root.token(), "strict");
    String key = createKey(b, "strict-bot", BOTH_SCOPES).secret();
    assertEquals("invalid_request", a.postWithKey("/api/s2s/rooms/strict/messages", key,
        new ServiceMessage("no client id", null)).error().error());
    assertEquals("invalid_request", a.postWithKey("/api/s2s/rooms/strict/messages", key,
        new ServiceMessage("  ", "s-1")).error().error());
    assertEquals("not_found", a.postWithKey("/api/s2s/rooms/no-such-room/messages", key,
        new ServiceMessage("hi", "s-2")).error().error());
    assertEquals("payload_too_large", a.postWithKey("/api/s2s/rooms/strict/messages", key,
        new ServiceMessage("x".repeat(2001), "s-3")).error().error());
    assertEquals(List.of(), a.get("/api/rooms/strict/messages", root.token()).asListOf(Message.class));

    assertEquals("invalid_request", a.postWithKey("/api/s2s/users/root/notify", key,
        new Notify("not a kind!", null)).error().error());
    JsonObject big = Json.createObjectBuilder().add("blob", "x".repeat(4097)).build();
    assertEquals("payload_too_large", a.postWithKey("/api/s2s/users/root/notify", key,
        new Notify("big", big)).error().error());
  }

  @Test
  void aServiceIsNoPersonItCannotLogInBeBefriendedOrBannedAndTakesNoPersonsName() {
    Authenticated bea = a.signUp("bea", "bea-password");
    createKey(a, "notifier", List.of("users:notify"));
    assertEquals(401, b.post("/api/login", null, new Credentials("notifier", "whatever-it-is")).status());
    assertEquals("forbidden", b.post("/api/users/add", bea.token(), new UserName("notifier")).error().error());
    assertEquals("forbidden",
        a.post("/api/users/ban", root.token(), new BanRequest("notifier", false, "x")).error().error());
    assertEquals(List.of(), b.get("/api/admin/users?query=notifier", root.token()).asListOf(AdminUser.class));
    assertEquals(200, b.post("/api/users/block", bea.token(), new UserName("notifier")).status(),
        "a user may block a service");

    assertEquals("conflict", a.post("/api/admin/keys", root.token(), new NewApiKey("bea", BOTH_SCOPES)).error().error());
    assertEquals("invalid_request",
        a.post("/api/admin/keys", root.token(), new NewApiKey("ok-name", List.of("rooms:delete"))).error().error());
    assertEquals("invalid_request",
        a.post("/api/admin/keys", root.token(), new NewApiKey("ok-name", List.of())).error().error());
    assertEquals(403, a.post("/api/admin/keys", bea.token(), new NewApiKey("mine", BOTH_SCOPES)).status());
    assertEquals(403, a.get("/api/admin/keys", bea.token()).status());

    CreatedApiKey second = createKey(b, "notifier", List.of("users:notify"));
    assertEquals("notifier", second.key().service().username(), "a second key for a service is a rotation");
    assertNull(second.key().lastUsedAt());
  }

  private static CreatedApiKey createKey(ChatHttp node, String name, List<String> scopes) {
    HttpReply reply = node.post("/api/admin/keys", root.token(), new NewApiKey(name, scopes));
    if (reply.status() != 201) {
      throw new AssertionError("creating key " + name + " failed: " + reply);
    }
    return reply.as(CreatedApiKey.class);
  }

  private static List<ApiKey> keys(ChatHttp node) {
    return node.get("/api/admin/keys", root.token()).asListOf(ApiKey.class);
  }
}
