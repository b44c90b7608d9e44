package chat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import chat.dto.Authenticated;
import chat.dto.BanRequest;
import chat.dto.ClientFrame;
import chat.dto.ClusterView;
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
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grid's links between two running nodes are cut (no freeze: both go on serving), users on both
 * sides talk in one room, and the links come back. Whatever each side stored must reach the other
 * side's users once the grid is whole: live, or by their socket closing with 1012 so that they resume
 * with afterSeq. A socket left open and silently behind fails the test; so does a ban made on one side
 * that the other does not hold once whole. The grid's timeouts are shortened so that the split is
 * noticed and merged in seconds.
 */
class GridSplitIT {

  private static final String ROOM = "split";
  private static final Duration GRID = Duration.ofSeconds(60);
  private static final Duration REJOIN = Duration.ofSeconds(90);

  @TempDir Path dataDir;

  @Test
  void afterASplitBetweenRunningNodesEveryUserHasWhatTheOtherSideSent() {
    try (TwoNodes cluster = TwoNodes.withSplittableGrid(dataDir, QuickGrid.OPTIONS)) {
      ChatHttp a = new ChatHttp(cluster.a.uri());
      ChatHttp b = new ChatHttp(cluster.b.uri());
      Authenticated root = a.logIn(TwoNodes.ADMIN, TwoNodes.ADMIN_PASSWORD);
      Eventually.within(GRID, () -> assertMembers(2, a, root));
      Authenticated alice = a.signUp("alice", "alice-password");
      Authenticated bob = a.signUp("bob", "bob-password");
      Authenticated mallory = a.signUp("mallory", "mallory-password");
      a.createRoom(alice.token(), ROOM);
      ChatSocket aliceOnA = joined(a, alice);
      ChatSocket bobOnB = joined(b, bob);
      Message before = send(aliceOnA, "before the split", 1).get(0);
      assertEquals(before, bobOnB.nextOf(ServerFrame.ChatMessagePosted.class).message(), "the grid links the nodes");

      cluster.splitGrid();
      Eventually.within(GRID, () -> {
        assertMembers(1, a, root);
        assertMembers(1, b, root);
      });
      List<Message> fromA = send(aliceOnA, "alice, split off", 5);
      List<Message> fromB = send(bobOnB, "bob, split off", 5);
      assertEquals(200, a.post("/api/users/ban", root.token(), new BanRequest("mallory", false, "spam")).status());
      cluster.healGrid();
      Eventually.within(REJOIN, () -> {
        assertEquals(200, a.get("/health/ready", null).status(), "A serves");
        assertEquals(200, b.get("/health/ready", null).status(), "B serves");
        assertMembers(2, a, root);
        assertMembers(2, b, root);
      });

      List<Message> stored =
          Stream.concat(fromA.stream(), fromB.stream()).sorted(Comparator.comparingLong(Message::seq)).toList();
      List<ChatHttp> nodes = List.of(a, b);
      assertHasOrResumes("bob", nodes, bob, bobOnB, fromA, before, stored);
      assertHasOrResumes("alice", nodes, alice, aliceOnA, fromB, before, stored);
      assertEquals(
          "banned", b.get("/api/account", mallory.token()).error().error(), "B holds the ban made on A while split");
    }
  }

  /**
   * {@code socket} either brings every one of {@code missed} live, or closes with 1012; a client then
   * resumes after {@code before}, on whichever node serves (as through the balancer: the node that merged
   * into the other stays out of service a while), and must find everything {@code stored} since.
   */
  private static void assertHasOrResumes(
      String who,
      List<ChatHttp> nodes,
      Authenticated user,
      ChatSocket socket,
      List<Message> missed,
      Message before,
      List<Message> stored) {
    Set<Long> awaited = new HashSet<>(missed.stream().map(Message::seq).toList());
    long deadline = System.nanoTime() + ChatSocket.WAIT.toNanos();
    while (!awaited.isEmpty() && socket.isOpen() && System.nanoTime() < deadline) {
      if (socket.poll(Duration.ofMillis(200)) instanceof ServerFrame.ChatMessagePosted posted) {
        awaited.remove(posted.message().seq());
      }
    }
    if (awaited.isEmpty()) {
      return;
    }
    assertFalse(
        socket.isOpen(),
        who + "'s socket stayed open, silently without " + awaited.size() + " messages the other side stored");
    assertEquals(1012, socket.awaitClose(), who + " is told to resume");
    try (ChatSocket resumed = connectToAServingNode(nodes, user)) {
      resumed.send(ClientFrame.JoinRoom.afterSeq(ROOM, before.seq()));
      assertEquals(stored, resumed.nextOf(ServerFrame.RoomJoined.class).history(), who + " resumes whole");
    }
  }

  private static ChatSocket connectToAServingNode(List<ChatHttp> nodes, Authenticated user) {
    AtomicReference<ChatSocket> socket = new AtomicReference<>();
    Eventually.within(REJOIN, () -> {
      for (ChatHttp node : nodes) {
        if (node.get("/health/ready", null).status() == 200) {
          try {
            socket.set(ChatSocket.connect(node, user.token()));
            return;
          } catch (RuntimeException refused) {
            // It went out of service between the two: the next one, or the next round.
          }
        }
      }
      throw new AssertionError("no node serves");
    });
    return socket.get();
  }

  private static void assertMembers(int expected, ChatHttp node, Authenticated root) {
    ClusterView view = node.get("/api/cluster", root.token()).as(ClusterView.class);
    assertEquals(expected, view.members().size(), view.toString());
  }

  private static List<Message> send(ChatSocket socket, String text, int count) {
    List<Message> acknowledged = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      socket.send(new ClientFrame.SendChatMessage(ROOM, text + " " + i, text + "-" + i));
      acknowledged.add(socket.nextOf(ServerFrame.ChatMessagePosted.class).message());
    }
    return acknowledged;
  }

  private static ChatSocket joined(ChatHttp node, Authenticated user) {
    ChatSocket socket = ChatSocket.connect(node, user.token());
    socket.send(new ClientFrame.JoinRoom(ROOM));
    socket.next(ServerFrame.RoomJoined.class);
    return socket;
  }
}
