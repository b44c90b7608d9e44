package chat.server.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import chat.dto.Authenticated;
import chat.dto.ClientFrame;
import chat.dto.Message;
import chat.dto.ServerFrame;
import chat.server.testing.ChatHttp;
import chat.server.testing.ChatSocket;
import chat.server.testing.HttpReply;
import chat.testing.Names;
import chat.testing.OneNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every message is numbered within its channel, so that a client can tell a gap from a quiet room, and
 * a message a node stored but never sent on reaches the room when its sender sends it again
 * (docs/decisions/0015). The test leaves in the database what a node that died between its commit and
 * its publish would have.
 */
class SequenceIT {

  @TempDir static Path dataDir;
  private static OneNode server;
  private static ChatHttp http;

  @BeforeAll
  static void start() {
    server = OneNode.start(dataDir, "sequences", Map.of());
    http = new ChatHttp(server.uri());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aMessageStoredButNeverSentReachesTheRoomWhenItsSenderSendsItAgain() {
    Authenticated ann = http.signUp(Names.unique("ann"), "ann-password");
    Authenticated bob = http.signUp(Names.unique("bob"), "bob-password");
    String room = Names.unique("lost");
    http.createRoom(ann.token(), room);
    try (ChatSocket annSocket = joined(ann, room);
        ChatSocket bobSocket = joined(bob, room)) {
      annSocket.send(new ClientFrame.SendChatMessage(room, "one", "c-1"));
      assertEquals(1, bobSocket.nextOf(ServerFrame.ChatMessagePosted.class).message().seq());

      // Ann's node stored "two" and died before sending it on; her client never had the answer.
      server.storeUnsent(room, ann.user().username(), "two", "c-2");
      annSocket.send(new ClientFrame.SendChatMessage(room, "two", "c-2"));

      Message resent = bobSocket.nextOf(ServerFrame.ChatMessagePosted.class).message();
      assertEquals("two", resent.text());
      assertEquals(2, resent.seq());
      annSocket.send(new ClientFrame.SendChatMessage(room, "three", "c-3"));
      assertEquals(3, bobSocket.nextOf(ServerFrame.ChatMessagePosted.class).message().seq());
    }
  }

  @Test
  void aClientIdUsedBeforeInAnotherRoomIsAnsweredToItsSenderButNotSentToThisRoom() {
    Authenticated ann = http.signUp(Names.unique("ann"), "ann-password");
    Authenticated carol = http.signUp(Names.unique("carol"), "carol-password");
    String secret = Names.unique("secret");
    String open = Names.unique("open");
    http.createRoom(ann.token(), secret);
    http.createRoom(ann.token(), open);
    try (ChatSocket annSocket = joined(ann, secret)) {
      annSocket.send(new ClientFrame.SendChatMessage(secret, "for the secret room only", "same-id"));
      annSocket.nextOf(ServerFrame.ChatMessagePosted.class);
      annSocket.send(new ClientFrame.JoinRoom(open));
      annSocket.next(ServerFrame.RoomJoined.class);
      try (ChatSocket carolSocket = joined(carol, open)) {
        annSocket.send(new ClientFrame.SendChatMessage(open, "hello", "same-id"));
        assertEquals(secret, annSocket.nextOf(ServerFrame.ChatMessagePosted.class).message().room());
        annSocket.send(new ClientFrame.SendChatMessage(open, "after", "next-id"));

        Message first = carolSocket.nextOf(ServerFrame.ChatMessagePosted.class).message();
        assertEquals("after", first.text(), "the secret room's message never reached the open room");
      }
    }
  }

  @Test
  void numbersSkipNoneAndADeletedMessageLeavesAHoleOrATombstoneAtItsDeletionsNumber() {
    Authenticated ann = http.signUp(Names.unique("ann"), "ann-password");
    String room = Names.unique("holes");
    http.createRoom(ann.token(), room);
    try (ChatSocket socket = joined(ann, room)) {
      for (int i = 1; i <= 4; i++) {
        socket.send(new ClientFrame.SendChatMessage(room, "message " + i, "m-" + i));
      }
      List<Message> sent =
          List.of(
              socket.nextOf(ServerFrame.ChatMessagePosted.class).message(),
              socket.nextOf(ServerFrame.ChatMessagePosted.class).message(),
              socket.nextOf(ServerFrame.ChatMessagePosted.class).message(),
              socket.nextOf(ServerFrame.ChatMessagePosted.class).message());
      assertEquals(List.of(1L, 2L, 3L, 4L), sent.stream().map(Message::seq).toList());
      assertEquals(204, http.delete("/api/messages/" + sent.get(1).id(), ann.token()).status());

      HttpReply page = http.get("/api/rooms/" + room + "/messages?afterSeq=0", ann.token());
      assertEquals(List.of(sent.get(0), sent.get(2), sent.get(3)), page.asListOf(Message.class), "a hole");
      socket.send(ClientFrame.JoinRoom.afterSeq(room, 1));
      ServerFrame.RoomJoined caughtUp = socket.nextOf(ServerFrame.RoomJoined.class);
      assertEquals(List.of(sent.get(2), sent.get(3)), caughtUp.history());
      assertNull(caughtUp.more());

      // A client that asks for the changes too is told of the deletion, at its number.
      Message tombstone =
          new Message(sent.get(1).id(), 2, room, null, null, null, null, null, null, 5L, null, null, null, true);
      HttpReply changes = http.get("/api/rooms/" + room + "/messages?afterSeq=0&changes=true", ann.token());
      assertEquals(List.of(sent.get(0), sent.get(2), sent.get(3), tombstone), changes.asListOf(Message.class));
      socket.send(ClientFrame.JoinRoom.changesAfter(room, 1));
      assertEquals(List.of(sent.get(2), sent.get(3), tombstone), socket.nextOf(ServerFrame.RoomJoined.class).history());
      socket.send(ClientFrame.JoinRoom.changesAfter(room, 5));
      assertEquals(List.of(), socket.nextOf(ServerFrame.RoomJoined.class).history(), "nothing after the deletion");
    }
    HttpReply mixed = http.get("/api/rooms/" + room + "/messages?afterSeq=1&before=99", ann.token());
    assertEquals(400, mixed.status(), mixed.body());
    assertEquals("invalid_request", mixed.error().error());
  }

  @Test
  void eachConversationCountsFromOne() {
    Authenticated ann = http.signUp(Names.unique("ann"), "ann-password");
    Authenticated bob = http.signUp(Names.unique("bob"), "bob-password");
    http.post("/api/users/add", ann.token(), Map.of("username", bob.user().username()));
    http.post("/api/users/add", bob.token(), Map.of("username", ann.user().username()));
    try (ChatSocket annSocket = ChatSocket.connect(http, ann.token())) {
      annSocket.send(new ClientFrame.SendDirectMessage(bob.user().username(), "hi", "d-1"));
      annSocket.send(new ClientFrame.SendDirectMessage(bob.user().username(), "there", "d-2"));
      assertEquals(1, annSocket.nextOf(ServerFrame.DirectMessagePosted.class).message().seq());
      assertEquals(2, annSocket.nextOf(ServerFrame.DirectMessagePosted.class).message().seq());
    }
    HttpReply page = http.get("/api/dms/" + ann.user().username() + "/messages?afterSeq=1", bob.token());
    assertEquals(List.of("there"), page.asListOf(Message.class).stream().map(Message::text).toList());
  }

  private static ChatSocket joined(Authenticated user, String room) {
    ChatSocket socket = ChatSocket.connect(http, user.token());
    socket.send(new ClientFrame.JoinRoom(room));
    socket.next(ServerFrame.RoomJoined.class);
    return socket;
  }
}
