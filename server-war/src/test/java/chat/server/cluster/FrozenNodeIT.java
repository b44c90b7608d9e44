package chat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.dto.Authenticated;
import chat.dto.ClientFrame;
import chat.dto.Message;
import chat.dto.ServerFrame;
import chat.server.testing.ChatHttp;
import chat.server.testing.ChatSocket;
import chat.testing.Eventually;
import chat.testing.QuickGrid;
import chat.testing.TwoNodes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Node B stops dead (SIGSTOP) for longer than the grid's heartbeat timeout, as a stalled VM or a long
 * pause would, while the room goes on through node A: the grid drops B, and what A publishes meanwhile
 * never reaches B's sockets, which stayed open throughout. When B moves again it must close them (1012),
 * refuse new ones and report not ready until it is a member again; then a client resumes on it with
 * afterSeq and lacks nothing. The grid's timeouts are shortened so that this takes seconds, not minutes.
 */
class FrozenNodeIT {

  private static final String ROOM = "frozen";
  private static final Duration REJOIN = Duration.ofSeconds(90);

  @TempDir Path dataDir;

  @Test
  void aNodeThatWasFrozenClosesItsSocketsAndServesAgainOnlyOnceBackInTheCluster() throws InterruptedException {
    try (TwoNodes cluster = TwoNodes.start(dataDir, QuickGrid.OPTIONS)) {
      ChatHttp a = new ChatHttp(cluster.a.uri());
      ChatHttp b = new ChatHttp(cluster.b.uri());
      Authenticated sender = a.signUp("sender", "sender-password");
      Authenticated watcher = a.signUp("watcher", "watcher-password");
      a.createRoom(sender.token(), ROOM);
      ChatSocket senderOnA = joined(a, sender);
      ChatSocket watcherOnB = joined(b, watcher);
      senderOnA.send(new ClientFrame.SendChatMessage(ROOM, "before", "m-0"));
      senderOnA.nextOf(ServerFrame.ChatMessagePosted.class);
      Message before = watcherOnB.nextOf(ServerFrame.ChatMessagePosted.class).message();

      cluster.b.freeze();
      List<Message> acknowledged = new ArrayList<>();
      for (int i = 1; i <= 20; i++) {
        senderOnA.send(new ClientFrame.SendChatMessage(ROOM, "while frozen " + i, "m-" + i));
        acknowledged.add(senderOnA.nextOf(ServerFrame.ChatMessagePosted.class).message());
      }
      Thread.sleep(QuickGrid.HEARTBEAT_TIMEOUT.plusSeconds(3).toMillis()); // A drops B
      cluster.b.thaw();

      assertEquals(1012, watcherOnB.awaitClose(), "B's socket closed once B moved again");
      Eventually.within(Duration.ofSeconds(10), () -> assertEquals(503, b.get("/health/ready", null).status()));
      Eventually.within(REJOIN, () -> assertEquals(200, b.get("/health/ready", null).status()));
      // Whichever side the grid merged closes its sockets and rejoins too: A, as often as not.
      Eventually.within(REJOIN, () -> assertEquals(200, a.get("/health/ready", null).status()));

      try (ChatSocket resumed = ChatSocket.connect(b, watcher.token());
          ChatSocket senderAgain = joined(a, sender)) {
        resumed.send(ClientFrame.JoinRoom.afterSeq(ROOM, before.seq()));
        assertEquals(acknowledged, resumed.nextOf(ServerFrame.RoomJoined.class).history());
        senderAgain.send(new ClientFrame.SendChatMessage(ROOM, "after", "m-21"));
        assertEquals(
            "after",
            resumed.nextOf(ServerFrame.ChatMessagePosted.class).message().text(),
            "B hears A again");
      }
    }
  }

  private static ChatSocket joined(ChatHttp node, Authenticated user) {
    ChatSocket socket = ChatSocket.connect(node, user.token());
    socket.send(new ClientFrame.JoinRoom(ROOM));
    socket.next(ServerFrame.RoomJoined.class);
    return socket;
  }
}
