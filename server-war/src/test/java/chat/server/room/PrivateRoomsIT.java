package chat.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Authenticated;
import chat.dto.ClientFrame;
import chat.dto.CreateRoom;
import chat.dto.Credentials;
import chat.dto.MemberPage;
import chat.dto.Message;
import chat.dto.MessageEdit;
import chat.dto.Room;
import chat.dto.RoomMember;
import chat.dto.ServerFrame;
import chat.dto.Silence;
import chat.dto.UserName;
import chat.server.testing.ChatHttp;
import chat.server.testing.ChatSocket;
import chat.server.testing.HttpReply;
import chat.testing.Eventually;
import chat.testing.Names;
import chat.testing.SharedTwoNodes;
import chat.testing.TwoNodes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Private rooms across two nodes (docs/protocol.md, "Working with messages"): seen by their members
 * only, joined by invitation, moderated by their owner and the moderators the owner names, live on
 * every node; the administrator keeps every power.
 */
@ExtendWith(SharedTwoNodes.class)
class PrivateRoomsIT {

  private static ChatHttp a;
  private static ChatHttp b;
  private static Authenticated root;

  @BeforeAll
  static void useTheSharedCluster(TwoNodes shared) {
    a = new ChatHttp(shared.a.uri());
    b = new ChatHttp(shared.b.uri());
    root = a.post("/api/login", null, new Credentials(TwoNodes.ADMIN, TwoNodes.ADMIN_PASSWORD)).as(Authenticated.class);
  }

  @Test
  void aPrivateRoomIsSeenByItsMembersOnlyAndJoinedByInvitation() {
    Authenticated ann = a.signUp(Names.unique("ann"), "ann-password");
    Authenticated bob = b.signUp(Names.unique("bob"), "bob-password");
    Authenticated cat = b.signUp(Names.unique("cat"), "cat-password");
    String name = Names.unique("team");
    HttpReply created = a.post("/api/rooms", ann.token(), new CreateRoom(name, true));
    assertEquals(201, created.status(), created.body());
    Room team = created.as(Room.class);
    assertTrue(team.isPrivate());
    assertEquals("owner", team.role());
    String open = a.createRoom(ann.token(), Names.unique("open")).name();

    assertFalse(names(b, bob).contains(name), "not listed to others");
    assertTrue(names(a, root).contains(name), "the administrator sees every room");
    assertEquals(404, b.get("/api/rooms/" + name + "/messages", bob.token()).status());
    assertEquals(404, b.get("/api/rooms/" + name + "/users", bob.token()).status());
    try (ChatSocket bobOnA = ChatSocket.connect(a, bob.token())) {
      bobOnA.send(new ClientFrame.JoinRoom(name));
      assertEquals("not_found", bobOnA.nextOf(ServerFrame.RequestFailed.class).code(), "the same answer as for no room");

      assertEquals(400, b.post("/api/rooms/" + open + "/members", ann.token(), new UserName(bob.user().username())).status(),
          "a public room takes no invitations");
      assertEquals(200, b.post("/api/rooms/" + name + "/members", ann.token(), new UserName(bob.user().username())).status());
      assertEquals(new ServerFrame.MembershipChanged(name, true), bobOnA.nextOf(ServerFrame.MembershipChanged.class),
          "the invitation reaches the other node's sockets, which join");
      bobOnA.send(new ClientFrame.JoinRoom(name));
      bobOnA.nextOf(ServerFrame.RoomJoined.class);
      Room asBob = b.get("/api/rooms", bob.token()).asListOf(Room.class).stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
      assertEquals("member", asBob.role());

      HttpReply byMember = a.post("/api/rooms/" + name + "/members", bob.token(), new UserName(cat.user().username()));
      assertEquals(403, byMember.status(), "a member does not invite");
      assertEquals(404, a.post("/api/rooms/" + name + "/members", cat.token(), new UserName(cat.user().username())).status(),
          "an outsider is told there is no such room");
    }
    try (ChatSocket annOnB = ChatSocket.connect(b, ann.token())) {
      annOnB.send(new ClientFrame.JoinRoom(name));
      annOnB.nextOf(ServerFrame.RoomJoined.class);
      annOnB.send(new ClientFrame.LeaveRoom(name));
      annOnB.nextOf(ServerFrame.MembershipChanged.class, changed -> !changed.member());
      assertTrue(names(b, ann).contains(name), "its owner, who left it, still sees it");
      annOnB.send(new ClientFrame.JoinRoom(name));
      annOnB.nextOf(ServerFrame.RoomJoined.class);
    }
  }

  @Test
  void theOwnersModeratorsDeleteSilenceAndRemoveLiveOnEveryNode() {
    Authenticated ann = a.signUp(Names.unique("ann"), "ann-password");
    Authenticated bob = b.signUp(Names.unique("bob"), "bob-password");
    Authenticated cat = b.signUp(Names.unique("cat"), "cat-password");
    String name = Names.unique("team");
    assertEquals(201, a.post("/api/rooms", ann.token(), new CreateRoom(name, true)).status());
    for (Authenticated member : List.of(bob, cat)) {
      assertEquals(200, a.post("/api/rooms/" + name + "/members", ann.token(), new UserName(member.user().username())).status());
    }
    assertEquals(403, b.put("/api/rooms/" + name + "/moderators/" + cat.user().username(), bob.token()).status(),
        "the owner names moderators");
    assertEquals(200, b.put("/api/rooms/" + name + "/moderators/" + bob.user().username(), ann.token()).status());

    try (ChatSocket catOnB = ChatSocket.connect(b, cat.token()); ChatSocket annOnA = ChatSocket.connect(a, ann.token())) {
      join(name, catOnB, annOnA);
      catOnB.send(new ClientFrame.SendChatMessage(name, "spam", "s-1"));
      Message spam = annOnA.nextOf(ServerFrame.ChatMessagePosted.class).message();
      Authenticated eve = a.signUp(Names.unique("eve"), "eve-password");
      String reaction = "/api/messages/" + spam.id() + "/reactions/" + URLEncoder.encode("\uD83D\uDC4D", StandardCharsets.UTF_8);
      assertEquals(404, a.put(reaction, eve.token()).status(), "an outsider cannot tell the message exists");
      assertEquals(404, a.delete("/api/messages/" + spam.id(), eve.token()).status());
      assertEquals(404, a.patch("/api/messages/" + spam.id(), eve.token(), new MessageEdit("mine")).status());
      String open = a.createRoom(eve.token(), Names.unique("open")).name();
      try (ChatSocket eveOnA = ChatSocket.connect(a, eve.token())) {
        join(open, eveOnA);
        eveOnA.send(new ClientFrame.SendChatMessage(open, "quoting it", "q-1", spam.id()));
        ServerFrame.RequestFailed quoting = eveOnA.nextOf(ServerFrame.RequestFailed.class);
        assertEquals("invalid_request", quoting.code(), "as for a reply to no message: " + quoting.message());
      }
      assertEquals(204, a.delete("/api/messages/" + spam.id(), bob.token()).status(), "a moderator deletes any message of the room");
      assertEquals(spam.id(), catOnB.nextOf(ServerFrame.MessageDeleted.class).id());

      assertEquals(200, a.post("/api/rooms/" + name + "/silence", bob.token(), new Silence(cat.user().username(), 5)).status());
      // Told through node A; node B keeps the silence before cat's socket there hears of it.
      assertEquals(name, catOnB.nextOf(ServerFrame.Silenced.class).room());
      catOnB.send(new ClientFrame.SendChatMessage(name, "still here", "s-2"));
      ServerFrame.RequestFailed refused = catOnB.nextOf(ServerFrame.RequestFailed.class);
      assertEquals("forbidden", refused.code(), refused.message());
      assertEquals("s-2", refused.ref());
      assertEquals(403, a.post("/api/rooms/" + name + "/silence", bob.token(), new Silence(ann.user().username(), 5)).status(),
          "the owner cannot be silenced");
      assertEquals(400, a.post("/api/rooms/" + name + "/silence", bob.token(), new Silence(cat.user().username(), 100_000)).status());
      assertEquals(200, a.post("/api/rooms/" + name + "/silence", bob.token(), new Silence(cat.user().username(), 0)).status());
      assertEquals(new ServerFrame.Silenced(name, null), catOnB.nextOf(ServerFrame.Silenced.class), "lifted");
      catOnB.send(new ClientFrame.SendChatMessage(name, "back", "s-3"));
      assertEquals("back", annOnA.nextOf(ServerFrame.ChatMessagePosted.class).message().text());

      assertEquals(403, a.delete("/api/rooms/" + name + "/members/" + ann.user().username(), bob.token()).status());
      assertEquals(200, a.delete("/api/rooms/" + name + "/members/" + cat.user().username(), bob.token()).status());
      assertEquals(new ServerFrame.MembershipChanged(name, false), catOnB.nextOf(ServerFrame.MembershipChanged.class),
          "removed on every device at once");
      catOnB.send(new ClientFrame.JoinRoom(name));
      assertEquals("not_found", catOnB.nextOf(ServerFrame.RequestFailed.class).code());
      assertEquals(200, b.delete("/api/rooms/" + name + "/members/" + bob.user().username(), root.token()).status(),
          "the administrator removes a moderator");
    }
  }

  @Test
  void everyMemberIsListedWithTheirRoleToWhoeverMaySeeTheRoomAndSilencesToItsModerators() {
    Authenticated ann = a.signUp(Names.unique("ann"), "ann-password");
    Authenticated bob = b.signUp(Names.unique("bob"), "bob-password");
    Authenticated cat = b.signUp(Names.unique("cat"), "cat-password");
    Authenticated eve = a.signUp(Names.unique("eve"), "eve-password");
    String name = Names.unique("team");
    assertEquals(201, a.post("/api/rooms", ann.token(), new CreateRoom(name, true)).status());
    for (Authenticated member : List.of(bob, cat)) {
      assertEquals(200, a.post("/api/rooms/" + name + "/members", ann.token(), new UserName(member.user().username())).status());
    }
    assertEquals(200, b.put("/api/rooms/" + name + "/moderators/" + bob.user().username(), ann.token()).status());

    try (ChatSocket catOnB = ChatSocket.connect(b, cat.token())) {
      join(name, catOnB);
      assertEquals(200, a.post("/api/rooms/" + name + "/silence", bob.token(), new Silence(cat.user().username(), 5)).status());
      catOnB.nextOf(ServerFrame.Silenced.class);

      // Read on the other node: ann and bob have no socket in the room, cat has one on node B.
      Eventually.within(Duration.ofSeconds(10), () -> assertTrue(member(members(a, bob, name, ""), cat).online(), "online, on some node"));
      MemberPage asModerator = members(a, bob, name, "");
      assertEquals(
          List.of(ann.user().username(), bob.user().username(), cat.user().username()),
          asModerator.members().stream().map(m -> m.user().username()).toList(),
          "every member, online or not, by name");
      assertEquals(List.of("owner", "moderator", "member"), asModerator.members().stream().map(RoomMember::role).toList());
      assertFalse(member(asModerator, ann).online());
      assertFalse(asModerator.hasMore());
      Instant until = member(asModerator, cat).silencedUntil();
      assertNotNull(until, "a moderator sees the silence");
      assertTrue(until.isAfter(Instant.now().plusSeconds(4 * 60)) && until.isBefore(Instant.now().plusSeconds(6 * 60)), until.toString());
      assertEquals(until, member(members(b, cat, name, ""), cat).silencedUntil(), "the member silenced sees their own");
      assertEquals(until, member(members(b, root, name, ""), cat).silencedUntil(), "so does an administrator");

      Authenticated dan = b.signUp(Names.unique("dan"), "dan-password");
      assertEquals(200, a.post("/api/rooms/" + name + "/members", ann.token(), new UserName(dan.user().username())).status());
      assertNull(member(members(b, dan, name, ""), cat).silencedUntil(), "a member does not see another's silence");

      MemberPage first = members(b, dan, name, "?limit=2");
      assertEquals(2, first.members().size());
      assertTrue(first.hasMore());
      MemberPage rest = members(b, dan, name, "?limit=2&after=" + first.members().get(1).user().username());
      assertEquals(List.of(cat.user().username(), dan.user().username()), rest.members().stream().map(m -> m.user().username()).toList());
      assertFalse(rest.hasMore());
    }
    assertEquals(404, a.get("/api/rooms/" + name + "/members", eve.token()).status(), "an outsider is told there is no such room");
    assertEquals(400, a.get("/api/rooms/" + name + "/members?limit=0", ann.token()).status());
    assertEquals(400, a.get("/api/rooms/" + name + "/members?limit=many", ann.token()).status());

    String open = a.createRoom(ann.token(), Names.unique("open")).name();
    try (ChatSocket eveOnB = ChatSocket.connect(b, eve.token())) {
      join(open, eveOnB);
      assertEquals(
          List.of(eve.user().username()),
          members(a, cat, open, "").members().stream().map(m -> m.user().username()).toList(),
          "a public room's members are anyone's to read: who joined it (its creator has not)");
      eveOnB.send(new ClientFrame.LeaveRoom(open));
      eveOnB.nextOf(ServerFrame.MembershipChanged.class, changed -> !changed.member());
    }
    assertEquals(List.of(), members(a, cat, open, "").members(), "one who left is no member");
  }

  @Test
  void aSilenceIsToldAtEveryJoinOnEitherNodeUntilItIsLifted() {
    Authenticated ann = a.signUp(Names.unique("ann"), "ann-password");
    Authenticated cat = b.signUp(Names.unique("cat"), "cat-password");
    String name = Names.unique("team");
    assertEquals(201, a.post("/api/rooms", ann.token(), new CreateRoom(name, true)).status());
    assertEquals(200, a.post("/api/rooms/" + name + "/members", ann.token(), new UserName(cat.user().username())).status());
    try (ChatSocket catOnA = ChatSocket.connect(a, cat.token())) {
      assertNull(joined(name, catOnA).silencedUntil(), "free to speak");
    }
    assertEquals(200, a.post("/api/rooms/" + name + "/silence", ann.token(), new Silence(cat.user().username(), 5)).status());

    // A new connection, as after a reload, on the node that did not store the silence.
    Instant until;
    try (ChatSocket catOnB = ChatSocket.connect(b, cat.token())) {
      until = joined(name, catOnB).silencedUntil();
      assertNotNull(until, "the join says until when");
      assertTrue(until.isAfter(Instant.now().plusSeconds(4 * 60)), until.toString());
      assertEquals(until, joined(name, catOnB).silencedUntil(), "a join of a room the socket is in says it too");
      catOnB.send(new ClientFrame.SendChatMessage(name, "let me", "s-1"));
      assertEquals("forbidden", catOnB.nextOf(ServerFrame.RequestFailed.class).code());
    }
    try (ChatSocket catOnA = ChatSocket.connect(a, cat.token())) {
      assertEquals(until, joined(name, catOnA).silencedUntil(), "and on the node that stored it");
    }
    assertEquals(200, b.post("/api/rooms/" + name + "/silence", ann.token(), new Silence(cat.user().username(), 0)).status());
    try (ChatSocket catOnA = ChatSocket.connect(a, cat.token())) {
      assertNull(joined(name, catOnA).silencedUntil(), "lifted: a client that missed the lift learns it at the join");
    }
  }

  private static ServerFrame.RoomJoined joined(String room, ChatSocket socket) {
    socket.send(new ClientFrame.JoinRoom(room));
    return socket.nextOf(ServerFrame.RoomJoined.class);
  }

  private static MemberPage members(ChatHttp node, Authenticated reader, String room, String query) {
    HttpReply reply = node.get("/api/rooms/" + room + "/members" + query, reader.token());
    assertEquals(200, reply.status(), reply.body());
    return reply.as(MemberPage.class);
  }

  private static RoomMember member(MemberPage page, Authenticated who) {
    return page.members().stream().filter(m -> m.user().id() == who.user().id()).findFirst().orElseThrow();
  }

  private static void join(String room, ChatSocket... sockets) {
    for (ChatSocket socket : sockets) {
      socket.send(new ClientFrame.JoinRoom(room));
      socket.nextOf(ServerFrame.RoomJoined.class);
    }
  }

  private static List<String> names(ChatHttp node, Authenticated reader) {
    return node.get("/api/rooms", reader.token()).asListOf(Room.class).stream().map(Room::name).toList();
  }
}
