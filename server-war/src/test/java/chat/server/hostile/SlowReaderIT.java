package chat.server.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.AccountOverview;
import chat.dto.Authenticated;
import chat.dto.ClientFrame;
import chat.dto.ServerFrame;
import chat.dto.UserName;
import chat.server.testing.ChatSocket;
import chat.server.testing.OneNodeSuite;
import chat.testing.Eventually;
import chat.testing.Names;
import chat.testing.RawWebSocket;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A client that asks for much and reads nothing must cost the node a bounded number of bytes, not a
 * bounded number of frames: each {@code room_joined} can be hundreds of kilobytes.
 */
class SlowReaderIT extends OneNodeSuite {

  private static final int TOO_SLOW = 4008;
  private static final int ABNORMAL = RawWebSocket.ABNORMAL_CLOSURE;
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void aRepeatedJoinDoesNotSendTheHistoryAgain() {
    Authenticated hal = node.signUp(Names.unique("hal"), "hal-password");
    String room = Names.unique("rejoin");
    node.createRoom(hal.token(), room);
    try (ChatSocket socket = ChatSocket.connect(node, hal.token())) {
      socket.send(new ClientFrame.JoinRoom(room));
      socket.nextOf(ServerFrame.RoomJoined.class);
      socket.send(new ClientFrame.SendChatMessage(room, "one", "h-1"));
      long id = socket.nextOf(ServerFrame.ChatMessagePosted.class).message().id();

      socket.send(new ClientFrame.JoinRoom(room));
      ServerFrame.RoomJoined again = socket.nextOf(ServerFrame.RoomJoined.class);
      assertEquals(List.of(), again.history(), "a repeated join carries no history");
      assertEquals(1, again.members().size());

      socket.send(new ClientFrame.JoinRoom(room, null, id - 1));
      assertEquals(1, socket.nextOf(ServerFrame.RoomJoined.class).history().size(), "after asks for a catch-up");
    }
  }

  @Test
  void aClientThatAsksForHistoryAndNeverReadsIsClosed() throws IOException {
    Authenticated ivan = node.signUp(Names.unique("ivan"), "ivan-password");
    Authenticated friend = node.signUp(Names.unique("jo"), "jo-password");
    node.post("/api/users/add", ivan.token(), new UserName(friend.user().username()));
    node.post("/api/users/add", friend.token(), new UserName(ivan.user().username()));
    String room = Names.unique("big-history");
    node.createRoom(ivan.token(), room);
    String text = "x".repeat(2000);
    try (ChatSocket writer = ChatSocket.connect(node, ivan.token())) {
      writer.send(new ClientFrame.JoinRoom(room));
      writer.nextOf(ServerFrame.RoomJoined.class);
      for (int i = 0; i < 200; i++) {
        writer.send(new ClientFrame.SendChatMessage(room, text, "big-" + i));
      }
      for (int i = 0; i < 200; i++) {
        writer.nextOf(ServerFrame.ChatMessagePosted.class);
      }
    }
    // His friend sees him online while a socket of his is open on the node: the barriers below.
    Eventually.within(WAIT, () -> assertFalse(online(ivan, friend), "the writer's socket is still open"));
    // Each catch-up from 0 is a 440 KB room_joined: 100 of them are 44 MB the client never reads. The
    // client is a raw socket with a small receive buffer, so nothing on its side soaks them up.
    try (RawWebSocket hoarder = RawWebSocket.connect(node.base(), ivan.token(), 4096)) {
      Eventually.within(WAIT, () -> assertTrue(online(ivan, friend), "the hoarder's socket is not open"));
      for (int i = 0; i < 100; i++) {
        hoarder.sendText("{\"type\":\"join_room\",\"room\":\"" + room + "\",\"after\":0}");
      }
      // Nothing is read until the node has let the socket go (reading earlier would drain the
      // catch-ups): a node that kept it would fail here.
      Eventually.within(WAIT, () -> assertFalse(online(ivan, friend), "the node still holds a socket that reads nothing"));
      int code = hoarder.closeCode();
      assertTrue(code == TOO_SLOW || code == ABNORMAL, "closed with " + code);
    }

    try (ChatSocket fine = ChatSocket.connect(node, ivan.token())) {
      fine.send(new ClientFrame.JoinRoom(room));
      assertEquals(50, fine.nextOf(ServerFrame.RoomJoined.class).history().size());
    }
  }

  private boolean online(Authenticated user, Authenticated friend) {
    return node.get("/api/account", friend.token()).as(AccountOverview.class).online().contains(user.user().username());
  }
}
