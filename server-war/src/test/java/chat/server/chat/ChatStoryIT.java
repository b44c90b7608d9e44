package chat.server.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Authenticated;
import chat.dto.ClientFrame;
import chat.dto.Message;
import chat.dto.Room;
import chat.dto.RoomOccupant;
import chat.dto.ServerFrame;
import chat.server.testing.ChatSocket;
import chat.server.testing.HttpReply;
import chat.server.testing.OneNodeSuite;
import chat.testing.Names;
import chat.testing.RawWebSocket;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The user story of the first slice, end to end over real HTTP and WebSocket on a real node. */
class ChatStoryIT extends OneNodeSuite {

  @Test
  void twoUsersChatInARoomAndALaterJoinerSeesTheHistory() {
    Authenticated alice = node.signUp(Names.unique("alice"), "alice-password");
    Authenticated bob = node.signUp(Names.unique("bob"), "bob-password");
    Authenticated aliceAgain = node.logIn(alice.user().username(), "alice-password");
    assertEquals(alice.user(), aliceAgain.user());
    String roomName = Names.unique("Lobby");
    Room room = node.createRoom(alice.token(), roomName);
    assertEquals(alice.user().username(), room.createdBy());

    try (ChatSocket aliceSocket = ChatSocket.connect(node, aliceAgain.token());
        ChatSocket bobSocket = ChatSocket.connect(node, bob.token())) {
      aliceSocket.send(new ClientFrame.JoinRoom(roomName));
      ServerFrame.RoomJoined aliceJoined = aliceSocket.next(ServerFrame.RoomJoined.class);
      assertEquals(List.of(), aliceJoined.history());
      assertEquals(List.of(alice.user()), aliceJoined.members());

      bobSocket.send(new ClientFrame.JoinRoom(roomName.toUpperCase()));
      ServerFrame.RoomJoined bobJoined = bobSocket.next(ServerFrame.RoomJoined.class);
      assertEquals(roomName, bobJoined.room());
      assertEquals(Set.of(alice.user(), bob.user()), Set.copyOf(bobJoined.members()));
      assertEquals(bob.user(), aliceSocket.next(ServerFrame.MemberJoined.class).user());

      aliceSocket.send(new ClientFrame.SendChatMessage(roomName, "hello bob", "a-1"));
      Message acknowledged = aliceSocket.next(ServerFrame.ChatMessagePosted.class).message();
      Message received = bobSocket.next(ServerFrame.ChatMessagePosted.class).message();
      assertEquals(acknowledged, received);
      assertEquals("hello bob", received.text());
      assertEquals(roomName, received.room());
      assertEquals(alice.user(), received.from());
      assertEquals("a-1", received.clientId());

      // A retry of the same clientId is not stored again: the original goes to the room again, with its
      // seq, since the first sending may never have reached it; clients drop a seq they have.
      aliceSocket.send(new ClientFrame.SendChatMessage(roomName, "hello bob", "a-1"));
      assertEquals(acknowledged, aliceSocket.next(ServerFrame.ChatMessagePosted.class).message());
      assertEquals(acknowledged, bobSocket.next(ServerFrame.ChatMessagePosted.class).message());
      bobSocket.send(new ClientFrame.SendChatMessage(roomName, "hi alice", null));
      Message reply = bobSocket.next(ServerFrame.ChatMessagePosted.class).message();
      assertEquals(reply, aliceSocket.next(ServerFrame.ChatMessagePosted.class).message());
      assertTrue(reply.id() > acknowledged.id());
      assertNull(reply.clientId());

      List<Message> history =
          node.get("/api/rooms/" + roomName + "/messages", bob.token()).asListOf(Message.class);
      assertEquals(List.of(acknowledged, reply), history);

      Authenticated carol = node.signUp(Names.unique("carol"), "carol-password");
      try (ChatSocket carolSocket = ChatSocket.connect(node, carol.token())) {
        carolSocket.send(new ClientFrame.JoinRoom(roomName));
        ServerFrame.RoomJoined carolJoined = carolSocket.next(ServerFrame.RoomJoined.class);
        assertEquals(List.of(acknowledged, reply), carolJoined.history());
        assertEquals(3, carolJoined.members().size());
        List<RoomOccupant> occupants =
            node.get("/api/rooms/" + roomName + "/users", carol.token()).asListOf(RoomOccupant.class);
        assertEquals(
            Set.of(alice.user(), bob.user(), carol.user()),
            occupants.stream().map(RoomOccupant::user).collect(Collectors.toSet()));
        assertTrue(occupants.stream().allMatch(o -> o.nodes().equals(List.of("it-node"))));
        Room listed =
            node.get("/api/rooms", carol.token()).asListOf(Room.class).stream()
                .filter(r -> r.name().equals(roomName))
                .findFirst()
                .orElseThrow();
        assertEquals(3, listed.online());
      }
      assertEquals(carol.user(), aliceSocket.nextOf(ServerFrame.MemberLeft.class).user());
    }
  }

  @Test
  void aClientCatchingUpGetsEverythingAfterItsLastSeqInOrder() {
    Authenticated dave = node.signUp(Names.unique("dave"), "dave-password");
    String roomName = Names.unique("catch-up");
    node.createRoom(dave.token(), roomName);
    List<Message> sent = new ArrayList<>();
    try (ChatSocket socket = ChatSocket.connect(node, dave.token())) {
      socket.send(new ClientFrame.JoinRoom(roomName));
      socket.next(ServerFrame.RoomJoined.class);
      for (int i = 0; i < 60; i++) {
        socket.send(new ClientFrame.SendChatMessage(roomName, "message " + i, "c-" + i));
      }
      for (int i = 0; i < 60; i++) {
        sent.add(socket.next(ServerFrame.ChatMessagePosted.class).message());
      }
    }
    assertEquals(
        sent.stream().map(Message::text).toList(),
        IntStream.range(0, 60).mapToObj(i -> "message " + i).toList());
    assertEquals(
        LongStream.rangeClosed(1, 60).boxed().toList(),
        sent.stream().map(Message::seq).toList(),
        "a room numbers its messages from 1, none skipped");

    try (ChatSocket socket = ChatSocket.connect(node, dave.token())) {
      socket.send(new ClientFrame.JoinRoom(roomName));
      assertEquals(sent.subList(10, 60), socket.next(ServerFrame.RoomJoined.class).history());
    }
    try (ChatSocket socket = ChatSocket.connect(node, dave.token())) {
      socket.send(ClientFrame.JoinRoom.afterSeq(roomName, sent.get(4).seq()));
      ServerFrame.RoomJoined caughtUp = socket.next(ServerFrame.RoomJoined.class);
      assertEquals(sent.subList(5, 60), caughtUp.history());
      assertNull(caughtUp.more());
    }
    try (ChatSocket socket = ChatSocket.connect(node, dave.token())) {
      socket.send(new ClientFrame.JoinRoom(roomName, null, sent.get(57).id()));
      assertEquals(sent.subList(58, 60), socket.next(ServerFrame.RoomJoined.class).history(), "by id too");
    }
    HttpReply page =
        node.get(
            "/api/rooms/" + roomName + "/messages?afterSeq=" + sent.get(9).seq() + "&limit=5",
            dave.token());
    assertEquals(sent.subList(10, 15), page.asListOf(Message.class));
    HttpReply byId =
        node.get(
            "/api/rooms/" + roomName + "/messages?after=" + sent.get(9).id() + "&limit=5",
            dave.token());
    assertEquals(sent.subList(10, 15), byId.asListOf(Message.class));
    HttpReply before =
        node.get(
            "/api/rooms/" + roomName + "/messages?before=" + sent.get(9).id() + "&limit=3",
            dave.token());
    assertEquals(sent.subList(6, 9), before.asListOf(Message.class));
  }

  @Test
  void aStalledClientIsClosedWithoutHoldingUpTheRoom() throws IOException {
    Authenticated sender = node.signUp(Names.unique("loud"), "loud-password");
    Authenticated reader = node.signUp(Names.unique("reader"), "reader-password");
    Authenticated staller = node.signUp(Names.unique("frozen"), "frozen-password");
    String roomName = Names.unique("busy");
    node.createRoom(sender.token(), roomName);
    String text = "x".repeat(1900);
    int messages = 12_000;
    // The stalled member is a raw socket with a small receive buffer: a client library's buffers (the
    // JDK's grows to 32 MB on some kernels) would soak up the whole backlog and hide the stall.
    try (ChatSocket loud = ChatSocket.connect(node, sender.token());
        ChatSocket eager = ChatSocket.connect(node, reader.token());
        RawWebSocket frozen = RawWebSocket.connect(node.base(), staller.token(), 4096)) {
      for (ChatSocket socket : List.of(loud, eager)) {
        socket.send(new ClientFrame.JoinRoom(roomName));
        socket.nextOf(ServerFrame.RoomJoined.class);
      }
      frozen.sendText("{\"type\":\"join_room\",\"room\":\"" + roomName + "\"}");
      // Announcements travel through the grid: the sender's own may still come first.
      while (!eager.nextOf(ServerFrame.MemberJoined.class).user().equals(staller.user())) {
        // another member's announcement
      }
      for (int i = 0; i < messages; i++) {
        loud.send(new ClientFrame.SendChatMessage(roomName, text, "m-" + i));
        if (i % 100 == 99) {
          // Keep a window, as a real client does: wait for our own acknowledgements to catch up.
          while (!loud.nextOf(ServerFrame.ChatMessagePosted.class).message().clientId().equals("m-" + i)) {
            // acknowledgements of earlier messages
          }
        }
      }
      for (int i = 0; i < messages; i++) {
        Message message = eager.nextOf(ServerFrame.ChatMessagePosted.class).message();
        assertEquals("m-" + i, message.clientId());
      }
      // The server closes it with 4008 behind megabytes the client never read; whether that close
      // frame arrives before the connection drops (1006) is up to the buffers in between.
      int code = frozen.closeCode();
      assertTrue(code == 4008 || code == ChatSocket.ABNORMAL_CLOSURE, "closed with " + code);
      assertTrue(eager.isOpen());
    }
  }

  @Test
  void everyResponseNamesTheNode() {
    assertEquals("it-node", node.get("/api/rooms", null).node());
    assertEquals("it-node", node.get("/api/nowhere", null).node());
  }
}
