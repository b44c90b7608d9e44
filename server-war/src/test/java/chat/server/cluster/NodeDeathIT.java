package chat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Authenticated;
import chat.dto.ClientFrame;
import chat.dto.Message;
import chat.dto.RoomOccupant;
import chat.dto.ServerFrame;
import chat.server.testing.ChatHttp;
import chat.server.testing.ChatSocket;
import chat.testing.Eventually;
import chat.server.testing.HttpReply;
import chat.testing.TwoNodes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Node A is killed with SIGKILL while messages flow. Its users vanish from presence, its clients
 * reconnect to B, resume with {@code after} and resend what was not acknowledged, and end with every
 * acknowledged message exactly once, in id order.
 */
class NodeDeathIT {

  private static final String ROOM = "survivors";

  @TempDir Path dataDir;

  @Test
  void clientsOfAKilledNodeCarryOnThroughAnotherWithNothingMissedAndNothingTwice() {
    try (TwoNodes cluster = TwoNodes.start(dataDir)) {
      ChatHttp a = new ChatHttp(cluster.a.uri());
      ChatHttp b = new ChatHttp(cluster.b.uri());
      Authenticated sender = a.signUp("sender", "sender-password");
      Authenticated watcher = a.signUp("watcher", "watcher-password");
      a.createRoom(sender.token(), ROOM);

      Map<String, Message> acknowledged = new LinkedHashMap<>();
      List<Message> watched = new ArrayList<>();
      ChatSocket senderOnA = joined(a, sender);
      ChatSocket watcherOnA = joined(a, watcher);
      for (int i = 0; i < 50; i++) {
        senderOnA.send(new ClientFrame.SendChatMessage(ROOM, "message " + i, "m-" + i));
        Message ack = senderOnA.nextOf(ServerFrame.ChatMessagePosted.class).message();
        acknowledged.put(ack.clientId(), ack);
      }
      for (int i = 0; i < 50; i++) {
        watched.add(watcherOnA.nextOf(ServerFrame.ChatMessagePosted.class).message());
      }
      // Ten more in flight, then the node dies under them.
      for (int i = 50; i < 60; i++) {
        senderOnA.send(new ClientFrame.SendChatMessage(ROOM, "message " + i, "m-" + i));
      }
      long killedAt = System.nanoTime();
      cluster.a.kill();
      drainUntilClosed(watcherOnA, watched);
      senderOnA.close();
      watcherOnA.close();

      Eventually.within(
          Duration.ofSeconds(10),
          () -> {
            HttpReply users = b.get("/api/rooms/" + ROOM + "/users", sender.token());
            assertEquals(200, users.status(), users.body());
            assertTrue(
                users.asListOf(RoomOccupant.class).stream().noneMatch(o -> o.nodes().contains("node-a")),
                "node-a's users still present: " + users.body());
          });
      System.out.printf("presence clean %d ms after the kill%n", (System.nanoTime() - killedAt) / 1_000_000);

      // Reconnected to B: the watcher resumes after the last seq it saw; the sender resends all it has
      // no acknowledgement for, with the same clientIds, then carries on. What was stored on A before
      // it died is sent again, and the watcher drops the seqs it has, as the contract asks of clients.
      long lastSeen = watched.get(watched.size() - 1).seq();
      ChatSocket watcherOnB = ChatSocket.connect(b, watcher.token());
      watcherOnB.send(ClientFrame.JoinRoom.afterSeq(ROOM, lastSeen));
      watched.addAll(watcherOnB.next(ServerFrame.RoomJoined.class).history());
      ChatSocket senderOnB = joined(b, sender);
      for (int i = 50; i < 100; i++) {
        senderOnB.send(new ClientFrame.SendChatMessage(ROOM, "message " + i, "m-" + i));
        Message ack = senderOnB.nextOf(ServerFrame.ChatMessagePosted.class).message();
        acknowledged.put(ack.clientId(), ack);
      }
      long lastAcknowledged = acknowledged.get("m-99").id();
      while (watched.get(watched.size() - 1).id() < lastAcknowledged) {
        Message live = watcherOnB.nextOf(ServerFrame.ChatMessagePosted.class).message();
        if (watched.stream().noneMatch(m -> m.seq() == live.seq())) {
          watched.add(live);
        }
      }
      senderOnB.close();
      watcherOnB.close();

      List<Message> expected =
          acknowledged.values().stream().sorted((x, y) -> Long.compare(x.id(), y.id())).toList();
      assertEquals(100, expected.size());
      assertEquals(expected, watched, "the watcher saw every acknowledged message once, in id order");
      assertEquals(expected, b.get("/api/rooms/" + ROOM + "/messages?limit=200", watcher.token()).asListOf(Message.class));
    }
  }

  private static ChatSocket joined(ChatHttp node, Authenticated user) {
    ChatSocket socket = ChatSocket.connect(node, user.token());
    socket.send(new ClientFrame.JoinRoom(ROOM));
    socket.next(ServerFrame.RoomJoined.class);
    return socket;
  }

  /** Keeps what arrives until the dead node's connection is gone. */
  private static void drainUntilClosed(ChatSocket socket, List<Message> into) {
    while (socket.isOpen()) {
      ServerFrame frame = socket.poll(Duration.ofMillis(200));
      if (frame instanceof ServerFrame.ChatMessagePosted posted) {
        into.add(posted.message());
      }
    }
    for (ServerFrame frame = socket.poll(Duration.ZERO); frame != null; frame = socket.poll(Duration.ZERO)) {
      if (frame instanceof ServerFrame.ChatMessagePosted posted) {
        into.add(posted.message());
      }
    }
  }
}
