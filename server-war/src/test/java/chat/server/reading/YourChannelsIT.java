package chat.server.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Authenticated;
import chat.dto.ChannelState;
import chat.dto.ClientFrame;
import chat.dto.Message;
import chat.dto.MuteChange;
import chat.dto.ReadMark;
import chat.dto.ServerFrame;
import chat.dto.UserName;
import chat.server.testing.ChatHttp;
import chat.server.testing.ChatSocket;
import chat.server.testing.HttpReply;
import chat.testing.Eventually;
import chat.testing.Names;
import chat.testing.SharedTwoNodes;
import chat.testing.TwoNodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One user on two devices, one on each node: what their account keeps of their channels (their rooms,
 * read markers, unread and mention counts, mutes) is the same on both, and typing crosses the nodes.
 */
@ExtendWith(SharedTwoNodes.class)
class YourChannelsIT {

  private static final Duration SOON = Duration.ofSeconds(10);

  private static ChatHttp a;
  private static ChatHttp b;

  @BeforeAll
  static void useTheSharedCluster(TwoNodes shared) {
    a = new ChatHttp(shared.a.uri());
    b = new ChatHttp(shared.b.uri());
  }

  @Test
  void myRoomsFollowMeToEveryDeviceUntilILeaveOnOne() {
    Authenticated ann = a.signUp(Names.unique("ann"), "ann-password");
    String room = a.createRoom(ann.token(), Names.unique("mine")).name();
    try (ChatSocket laptop = ChatSocket.connect(a, ann.token()); ChatSocket phone = ChatSocket.connect(b, ann.token())) {
      assertEquals(List.of(), phone.welcome().rooms());
      laptop.send(new ClientFrame.JoinRoom(room));
      laptop.nextOf(ServerFrame.RoomJoined.class);
      assertEquals(new ServerFrame.MembershipChanged(room, true), phone.nextOf(ServerFrame.MembershipChanged.class));
      phone.send(new ClientFrame.JoinRoom(room));
      phone.nextOf(ServerFrame.RoomJoined.class);
      try (ChatSocket tablet = ChatSocket.connect(b, ann.token())) {
        assertEquals(List.of(room), tablet.welcome().rooms(), "a new device is told which rooms are mine");
      }

      laptop.send(new ClientFrame.LeaveRoom(room));
      assertEquals(new ServerFrame.MembershipChanged(room, false), phone.nextOf(ServerFrame.MembershipChanged.class));
      phone.send(new ClientFrame.SendChatMessage(room, "still here?", "m-1"));
      assertEquals("forbidden", phone.nextOf(ServerFrame.RequestFailed.class).code(), "the phone left the room too");
      try (ChatSocket tablet = ChatSocket.connect(a, ann.token())) {
        assertEquals(List.of(), tablet.welcome().rooms());
      }
    }
    assertTrue(channels(b, ann).isEmpty());
  }

  @Test
  void unreadAndMentionCountsComeFromTheServerAndReadingOnOneDeviceClearsThemOnTheOther() {
    Authenticated ann = a.signUp(Names.unique("ann"), "ann-password");
    Authenticated bob = b.signUp(Names.unique("bob"), "bob-password");
    Authenticated eve = b.signUp(Names.unique("eve"), "eve-password");
    Authenticated cat = b.signUp(Names.unique("cat"), "cat-password");
    assertEquals(200, a.post("/api/users/block", ann.token(), new UserName(cat.user().username())).status());
    String room = a.createRoom(bob.token(), Names.unique("counted")).name();
    try (ChatSocket annOnA = ChatSocket.connect(a, ann.token());
        ChatSocket annOnB = ChatSocket.connect(b, ann.token());
        ChatSocket bobOnB = ChatSocket.connect(b, bob.token());
        ChatSocket catOnB = ChatSocket.connect(b, cat.token())) {
      for (ChatSocket socket : List.of(annOnA, bobOnB, catOnB)) {
        socket.send(new ClientFrame.JoinRoom(room));
        socket.nextOf(ServerFrame.RoomJoined.class);
      }
      List<Message> sent = new ArrayList<>();
      for (String text : List.of("one", "two, @" + ann.user().username().toUpperCase() + ".", "three for @" + eve.user().username())) {
        bobOnB.send(new ClientFrame.SendChatMessage(room, text, text));
        sent.add(annOnA.nextOf(ServerFrame.ChatMessagePosted.class).message());
      }
      assertNull(sent.get(0).mentions());
      assertEquals(List.of(ann.user().username()), sent.get(1).mentions(), "a mention, whatever its case and full stop");
      assertNull(sent.get(2).mentions(), "eve is not in the room, so she is not mentioned");
      List<Message> history = a.get("/api/rooms/" + room + "/messages", ann.token()).asListOf(Message.class);
      assertEquals(sent.get(1).mentions(), history.get(1).mentions(), "history carries the mentions");

      assertEquals(new ChannelState(room, null, 3, 0, 3, 1, false), channels(b, ann).get(0));
      catOnB.send(new ClientFrame.SendChatMessage(room, "@" + ann.user().username() + " it is cat", "c-1"));
      Eventually.within(
          SOON,
          () -> assertEquals(
              new ChannelState(room, null, 4, 0, 3, 1, false), channels(b, ann).get(0), "ann blocks cat: his mention counts for nothing"));

      annOnA.send(new ClientFrame.MarkRead(room, null, sent.get(1).seq()));
      assertEquals(new ServerFrame.Read(room, null, 2), annOnB.nextOf(ServerFrame.Read.class));
      Eventually.within(SOON, () -> assertEquals(new ChannelState(room, null, 4, 2, 1, 0, false), channels(b, ann).get(0)));
      annOnB.send(new ClientFrame.MarkRead(room, null, 1L));
      annOnB.nextOf(ServerFrame.Read.class);
      assertEquals(204, a.post("/api/account/read", ann.token(), new ReadMark(room, null, 3L)).status());
      Eventually.within(SOON, () -> assertEquals(3, channels(a, ann).get(0).readSeq(), "never backwards, and on"));

      annOnA.send(new ClientFrame.MarkRead(room, null, 5L));
      assertEquals("invalid_request", annOnA.nextOf(ServerFrame.RequestFailed.class).code(), "past the last message");
      HttpReply notMine = b.post("/api/account/read", eve.token(), new ReadMark(room, null, 1L));
      assertEquals(403, notMine.status(), notMine.body());
      assertEquals(400, b.post("/api/account/read", eve.token(), new ReadMark(room, "x", 1L)).status());
      assertEquals(404, b.post("/api/account/read", eve.token(), new ReadMark("no-such-room-here", null, 1L)).status());
    }
  }

  @Test
  void aConversationCountsTooAndAMuteHoldsOnEveryDevice() {
    Authenticated ann = a.signUp(Names.unique("ann"), "ann-password");
    Authenticated bob = b.signUp(Names.unique("bob"), "bob-password");
    befriend(ann, bob);
    try (ChatSocket annOnA = ChatSocket.connect(a, ann.token());
        ChatSocket annOnB = ChatSocket.connect(b, ann.token());
        ChatSocket bobOnB = ChatSocket.connect(b, bob.token())) {
      bobOnB.send(new ClientFrame.SendDirectMessage(ann.user().username(), "psst @" + ann.user().username(), "d-1"));
      Message direct = annOnA.nextOf(ServerFrame.DirectMessagePosted.class).message();
      assertEquals(List.of(ann.user().username()), direct.mentions());
      assertEquals(
          new ChannelState(null, bob.user(), 1, 0, 1, 1, false), channels(a, ann).get(0), "the conversation with bob");

      assertEquals(204, b.post("/api/account/mute", ann.token(), new MuteChange(null, bob.user().username(), true)).status());
      for (ChatSocket device : List.of(annOnA, annOnB)) {
        assertEquals(new ServerFrame.Muted(null, bob.user().username(), true), device.nextOf(ServerFrame.Muted.class));
      }
      assertTrue(channels(a, ann).get(0).muted());
      annOnB.send(new ClientFrame.MarkRead(null, bob.user().username(), 1L));
      Eventually.within(SOON, () -> assertEquals(0, channels(a, ann).get(0).unread()));
    }
  }

  @Test
  void typingCrossesTheNodesToTheOthersOnlyAndIsPassedOnAtMostOnceASecond() {
    Authenticated ann = a.signUp(Names.unique("ann"), "ann-password");
    Authenticated bob = b.signUp(Names.unique("bob"), "bob-password");
    Authenticated cat = b.signUp(Names.unique("cat"), "cat-password");
    String room = a.createRoom(ann.token(), Names.unique("typing")).name();
    assertEquals(200, b.post("/api/users/block", cat.token(), new UserName(ann.user().username())).status());
    try (ChatSocket annOnA = ChatSocket.connect(a, ann.token());
        ChatSocket bobOnB = ChatSocket.connect(b, bob.token());
        ChatSocket catOnB = ChatSocket.connect(b, cat.token())) {
      for (ChatSocket socket : List.of(annOnA, bobOnB, catOnB)) {
        socket.send(new ClientFrame.JoinRoom(room));
        socket.nextOf(ServerFrame.RoomJoined.class);
      }
      annOnA.send(new ClientFrame.Typing(room, null));
      annOnA.send(new ClientFrame.Typing(room, null));
      annOnA.send(new ClientFrame.SendChatMessage(room, "done typing", "t-1"));
      // Each node passes events on in the order one node published them: what came before ann's
      // message came before it everywhere.
      List<ServerFrame> bobSaw = framesUntil(bobOnB, "done typing");
      assertEquals(
          List.of(new ServerFrame.Typing(room, ann.user())),
          bobSaw.stream().filter(ServerFrame.Typing.class::isInstance).toList(),
          "once: the second came within the second");
      assertFalse(framesUntil(annOnA, "done typing").stream().anyMatch(ServerFrame.Typing.class::isInstance), "not to the typist");
      bobOnB.send(new ClientFrame.SendChatMessage(room, "after it", "t-2"));
      assertFalse(
          framesUntil(catOnB, "after it").stream().anyMatch(ServerFrame.Typing.class::isInstance),
          "not to a user who blocks her (node B gave cat what it gave bob before bob's message)");

      annOnA.send(new ClientFrame.Typing(null, bob.user().username()));
      assertEquals("forbidden", annOnA.nextOf(ServerFrame.RequestFailed.class).code(), "bob is not her friend");
    }
  }

  private static void befriend(Authenticated one, Authenticated other) {
    assertEquals(200, a.post("/api/users/add", one.token(), new UserName(other.user().username())).status());
    assertEquals(200, b.post("/api/users/add", other.token(), new UserName(one.user().username())).status());
  }

  private static List<ChannelState> channels(ChatHttp node, Authenticated user) {
    HttpReply reply = node.get("/api/account/channels", user.token());
    assertEquals(200, reply.status(), reply.body());
    return reply.asListOf(ChannelState.class);
  }

  /** The frames a socket gets before the message with this text. */
  private static List<ServerFrame> framesUntil(ChatSocket socket, String text) {
    List<ServerFrame> frames = new ArrayList<>();
    for (ServerFrame frame = socket.poll(ChatSocket.WAIT);
        !(frame instanceof ServerFrame.ChatMessagePosted posted && posted.message().text().equals(text));
        frame = socket.poll(ChatSocket.WAIT)) {
      if (frame == null) {
        throw new AssertionError("no message '" + text + "' within " + ChatSocket.WAIT);
      }
      frames.add(frame);
    }
    return frames;
  }
}
