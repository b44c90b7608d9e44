package chat.server.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import chat.dto.AccountOverview;
import chat.dto.Authenticated;
import chat.dto.ClientFrame;
import chat.dto.Message;
import chat.dto.ProfileChange;
import chat.dto.RoomOccupant;
import chat.dto.ServerFrame;
import chat.dto.User;
import chat.dto.UserName;
import chat.server.testing.ChatHttp;
import chat.server.testing.ChatSocket;
import chat.server.testing.HttpReply;
import chat.testing.SharedTwoNodes;
import chat.testing.TwoNodes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A profile changed through one node shows, live and afterwards, to everyone who sees the user on the other. */
@ExtendWith(SharedTwoNodes.class)
class ProfilesIT {

  private static ChatHttp a;
  private static ChatHttp b;
  /** Whose profile the refused changes try to change. */
  private static Authenticated uli;

  @BeforeAll
  static void useTheSharedCluster(TwoNodes shared) {
    a = new ChatHttp(shared.a.uri());
    b = new ChatHttp(shared.b.uri());
    uli = a.signUp("uli", "uli-password");
  }

  @Test
  void aNewProfileReachesRoomMatesFriendsAndTheUsersOtherSocketsOnBothNodesAndNoOneElse() {
    Authenticated pia = a.signUp("pia", "pia-password");
    Authenticated quin = b.signUp("quin", "quin-password");
    Authenticated rey = b.signUp("rey", "rey-password");
    Authenticated sol = a.signUp("sol", "sol-password");
    a.createRoom(pia.token(), "profiles");
    a.post("/api/users/add", pia.token(), new UserName("rey"));
    b.post("/api/users/add", rey.token(), new UserName("pia"));
    assertEquals(pia.user(), b.get("/api/users/pia", quin.token()).as(User.class), "a new account shows its username");

    try (ChatSocket piaOnA = ChatSocket.connect(a, pia.token());
        ChatSocket piaOnB = ChatSocket.connect(b, pia.token());
        ChatSocket quinOnB = ChatSocket.connect(b, quin.token());
        ChatSocket reyOnB = ChatSocket.connect(b, rey.token());
        ChatSocket solOnA = ChatSocket.connect(a, sol.token())) {
      piaOnA.send(new ClientFrame.JoinRoom("profiles"));
      piaOnA.nextOf(ServerFrame.RoomJoined.class);
      quinOnB.send(new ClientFrame.JoinRoom("profiles"));
      assertEquals(List.of(pia.user(), quin.user()), sorted(quinOnB.nextOf(ServerFrame.RoomJoined.class).members()));
      piaOnA.send(new ClientFrame.SendChatMessage("profiles", "before", "p-1"));
      Message before = quinOnB.nextOf(ServerFrame.ChatMessagePosted.class).message();
      assertEquals(pia.user(), before.from());

      HttpReply changed = a.patch("/api/account", pia.token(), new ProfileChange("  Pia Ł. 👩‍🚀  ", "in orbit"));
      assertEquals(200, changed.status(), changed.body());
      User renamed = pia.user().withProfile("Pia Ł. 👩‍🚀", "in orbit");
      assertEquals(renamed, changed.as(User.class), "trimmed, emoji with its joiners kept");

      for (ChatSocket seer : List.of(piaOnA, piaOnB, quinOnB, reyOnB)) {
        assertEquals(renamed, seer.nextOf(ServerFrame.IdentityChanged.class).user());
      }
      // Node A handed the change to pia's socket there, so it has handed it to every socket it holds.
      assertFalse(framesUntilPong(solOnA).stream().anyMatch(ServerFrame.IdentityChanged.class::isInstance),
          "sol shares no room with pia and is not her friend");

      piaOnA.send(new ClientFrame.SendChatMessage("profiles", "after", "p-2"));
      assertEquals(renamed, quinOnB.nextOf(ServerFrame.ChatMessagePosted.class).message().from(),
          "a live message carries the new profile");
      List<Message> history = b.get("/api/rooms/profiles/messages", quin.token()).asListOf(Message.class);
      assertEquals(List.of(renamed, renamed), history.stream().map(Message::from).toList(),
          "history shows the author as they are now, older messages too");
      assertEquals(before.id(), history.get(0).id());

      List<RoomOccupant> occupants = b.get("/api/rooms/profiles/users", quin.token()).asListOf(RoomOccupant.class);
      assertEquals(List.of(renamed, quin.user()), sorted(occupants.stream().map(RoomOccupant::user).toList()));
      try (ChatSocket later = ChatSocket.connect(b, rey.token())) {
        later.send(new ClientFrame.JoinRoom("profiles"));
        assertEquals(List.of(renamed, quin.user(), rey.user()),
            sorted(later.nextOf(ServerFrame.RoomJoined.class).members()),
            "a client that was away loads current profiles with the room");
      }
      try (ChatSocket piaAgain = ChatSocket.connect(b, pia.token())) {
        assertEquals(renamed, piaAgain.welcome().user());
      }
      assertEquals(List.of(renamed), b.get("/api/account", rey.token()).as(AccountOverview.class).friends());
      assertEquals(renamed, b.get("/api/users/PIA", sol.token()).as(User.class));
    }
  }

  @Test
  void aFieldLeftOutStaysAndAnEmptyStatusClearsIt() {
    Authenticated tao = b.signUp("tao", "tao-password");
    b.patch("/api/account", tao.token(), new ProfileChange(null, "busy"));
    assertEquals(tao.user().withProfile("tao", "busy"), a.get("/api/users/tao", tao.token()).as(User.class));
    b.patch("/api/account", tao.token(), new ProfileChange("Tao", null));
    assertEquals(tao.user().withProfile("Tao", "busy"), a.get("/api/users/tao", tao.token()).as(User.class));
    b.patch("/api/account", tao.token(), new ProfileChange(null, "   "));
    assertEquals(tao.user().withProfile("Tao", ""), a.get("/api/users/tao", tao.token()).as(User.class));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "{\"displayName\": \"   \"}",
        "{\"displayName\": \"ann\\u0000\"}",
        "{\"displayName\": \"ann\\u001b[2J\"}",
        "{\"displayName\": \"\\u202egnp.exe\"}",
        "{\"displayName\": \"ad\\u200bmin\"}",
        "{\"displayName\": \"\\ud800\"}",
        "{\"status\": \"line\\nbreak\"}",
        "{\"status\": \"\\u2066isolated\\u2069\"}",
      })
  void aBadProfileIsRefusedNamingTheRuleAndChangesNothing(String body) {
    HttpReply refused = a.patchRaw("/api/account", uli.token(), body);
    assertEquals(400, refused.status(), body);
    assertEquals("invalid_request", refused.error().error());
    assertEquals(uli.user(), b.get("/api/users/uli", uli.token()).as(User.class));
  }

  @Test
  void lengthsCountCharactersNotBytesOrUtf16Units() {
    Authenticated vic = b.signUp("vic", "vic-password");
    String longest = "😀".repeat(64);
    assertEquals(200, b.patch("/api/account", vic.token(), new ProfileChange(longest, "ж".repeat(140))).status());
    assertEquals(400, b.patch("/api/account", vic.token(), new ProfileChange(longest + "a", null)).status());
    assertEquals(400, b.patch("/api/account", vic.token(), new ProfileChange(null, "ж".repeat(141))).status());
    assertEquals(longest, a.get("/api/users/vic", vic.token()).as(User.class).displayName());
  }

  @Test
  void anUnknownUserIsNotFoundAndAProfileNeedsALogin() {
    Authenticated wes = a.signUp("wes", "wes-password");
    assertEquals("not_found", a.get("/api/users/nobody-here", wes.token()).error().error());
    assertEquals(401, a.get("/api/users/wes", null).status());
    assertEquals(401, a.patch("/api/account", null, new ProfileChange("x", null)).status());
  }

  private static List<User> sorted(List<User> users) {
    return users.stream().sorted((x, y) -> x.username().compareTo(y.username())).toList();
  }

  private static List<ServerFrame> framesUntilPong(ChatSocket socket) {
    socket.send(new ClientFrame.Ping());
    List<ServerFrame> frames = new ArrayList<>();
    for (ServerFrame frame = socket.poll(ChatSocket.WAIT); !(frame instanceof ServerFrame.Pong); frame = socket.poll(ChatSocket.WAIT)) {
      if (frame == null) {
        throw new AssertionError("no pong within " + ChatSocket.WAIT);
      }
      frames.add(frame);
    }
    return frames;
  }
}
