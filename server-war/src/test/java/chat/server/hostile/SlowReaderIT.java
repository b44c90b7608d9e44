package chat.server.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Authenticated;
import chat.dto.ClientFrame;
import chat.dto.ServerFrame;
import chat.server.testing.ChatSocket;
import chat.testing.Pause;
import chat.server.testing.OneNodeSuite;
import chat.testing.Names;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A client that asks for much and reads nothing must cost the node a bounded number of bytes, not a
 * bounded number of frames: each {@code room_joined} can be hundreds of kilobytes.
 */
class SlowReaderIT extends OneNodeSuite {

  private static final int TOO_SLOW = 4008;
  private static final int ABNORMAL = ChatSocket.ABNORMAL_CLOSURE;

  @Test
  void aRepeatedJoinDoesNotSendTheHistoryAgain() {
    Authenticated hal = node.signUp(Names.unique("hal"), "hal-password");
    String room = Names.unique("rejoin");
    node.createRoom(hal.token(), room);
    try (ChatSocket socket = ChatSocket.connect(node, hal.token())) {
      socket.send(new ClientFrame.JoinRoom(room, null));
      socket.nextOf(ServerFrame.RoomJoined.class);
      socket.send(new ClientFrame.SendChatMessage(room, "one", "h-1"));
      long id = socket.nextOf(ServerFrame.ChatMessagePosted.class).message().id();

      socket.send(new ClientFrame.JoinRoom(room, null));
      ServerFrame.RoomJoined again = socket.nextOf(ServerFrame.RoomJoined.class);
      assertEquals(List.of(), again.history(), "a repeated join carries no history");
      assertEquals(1, again.members().size());

      socket.send(new ClientFrame.JoinRoom(room, id - 1));
      assertEquals(1, socket.nextOf(ServerFrame.RoomJoined.class).history().size(), "after asks for a catch-up");
    }
  }

  @Test
  void aClientThatAsksForHistoryAndNeverReadsIsClosed() {
    Authenticated ivan = node.signUp(Names.unique("ivan"), "ivan-password");
    String room = Names.unique("big-history");
    node.createRoom(ivan.token(), room);
    String text = "x".repeat(2000);
    try (ChatSocket writer = ChatSocket.connect(node, ivan.token())) {
      writer.send(new ClientFrame.JoinRoom(room, null));
      writer.nextOf(ServerFrame.RoomJoined.class);
      for (int i = 0; i < 200; i++) {
        writer.send(new ClientFrame.SendChatMessage(room, text, "big-" + i));
      }
      for (int i = 0; i < 200; i++) {
        writer.nextOf(ServerFrame.ChatMessagePosted.class);
      }
    }
    // Each catch-up from 0 is a 400 KB room_joined: 100 of them are 40 MB the client never reads.
    ChatSocket hoarder = ChatSocket.connect(node, ivan.token());
    hoarder.stall();
    for (int i = 0; i < 100 && hoarder.isOpen(); i++) {
      hoarder.send(new ClientFrame.JoinRoom(room, 0L));
    }
    // The node takes its time over the catch-ups until it closes the socket (seconds on a loaded
    // machine); a client reading again before that would drain what it had queued. What the node does
    // cannot be seen from a client that reads nothing, so the test waits generously.
    Pause.of(Duration.ofSeconds(20));
    hoarder.resume();
    int code = hoarder.awaitClose();
    assertTrue(code == TOO_SLOW || code == ABNORMAL, "closed with " + code);
    hoarder.close();

    try (ChatSocket fine = ChatSocket.connect(node, ivan.token())) {
      fine.send(new ClientFrame.JoinRoom(room, null));
      assertEquals(50, fine.nextOf(ServerFrame.RoomJoined.class).history().size());
    }
  }
}
