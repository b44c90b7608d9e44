package chat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Authenticated;
import chat.dto.ClientFrame;
import chat.dto.ClusterView;
import chat.dto.Message;
import chat.dto.Room;
import chat.dto.RoomOccupant;
import chat.dto.ServerFrame;
import chat.server.testing.ChatHttp;
import chat.server.testing.ChatSocket;
import chat.testing.Eventually;
import chat.testing.SharedTwoNodes;
import chat.testing.TwoNodes;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two real nodes, one database: any node serves any user. */
@ExtendWith(SharedTwoNodes.class)
class ClusterIT {

  private static TwoNodes cluster;

  @BeforeAll
  static void useTheSharedCluster(TwoNodes shared) {
    cluster = shared;
  }

  @Test
  void theAdministratorsPingReachesEverySocketOnEveryNode() {
    ChatHttp a = new ChatHttp(cluster.a.uri());
    ChatHttp b = new ChatHttp(cluster.b.uri());
    Authenticated root = a.logIn(TwoNodes.ADMIN, TwoNodes.ADMIN_PASSWORD);
    Authenticated carl = b.signUp("carl", "carl-password");
    try (ChatSocket onA = ChatSocket.connect(a, carl.token());
        ChatSocket onB = ChatSocket.connect(b, carl.token())) {
      assertEquals(403, a.post("/api/ping", carl.token(), "").status());
      assertEquals(403, b.get("/api/cluster", carl.token()).status());
      assertEquals(202, a.post("/api/ping", root.token(), "").status());
      assertEquals("node-a", onA.nextOf(ServerFrame.AdminPing.class).from());
      assertEquals("node-a", onB.nextOf(ServerFrame.AdminPing.class).from());

      Eventually.within(
          Duration.ofSeconds(5),
          () -> {
            ClusterView view = b.get("/api/cluster", root.token()).as(ClusterView.class);
            assertEquals("node-b", view.node());
            assertEquals(
                Set.of("node-a", "node-b"),
                view.members().stream().map(ClusterView.Member::node).collect(Collectors.toSet()));
            assertTrue(view.members().stream().allMatch(m -> m.connections() >= 1), view.toString());
          });
    }
  }

  @Test
  void usersOnDifferentNodesChatInOneRoomBothWays() {
    ChatHttp a = new ChatHttp(cluster.a.uri());
    ChatHttp b = new ChatHttp(cluster.b.uri());
    Authenticated anna = a.signUp("anna", "anna-password");
    Authenticated ben = b.signUp("ben", "ben-password");
    a.createRoom(anna.token(), "across");

    try (ChatSocket onA = ChatSocket.connect(a, anna.token());
        ChatSocket onB = ChatSocket.connect(b, ben.token())) {
      onA.send(new ClientFrame.JoinRoom("across"));
      onA.next(ServerFrame.RoomJoined.class);
      onB.send(new ClientFrame.JoinRoom("across"));
      assertEquals(
          Set.of(anna.user(), ben.user()), Set.copyOf(onB.next(ServerFrame.RoomJoined.class).members()));
      assertEquals(ben.user(), onA.nextOf(ServerFrame.MemberJoined.class).user());
      for (ChatHttp node : List.of(a, b)) {
        assertEquals(
            Set.of(new RoomOccupant(anna.user(), List.of("node-a")), new RoomOccupant(ben.user(), List.of("node-b"))),
            Set.copyOf(node.get("/api/rooms/across/users", anna.token()).asListOf(RoomOccupant.class)));
        Room across = node.get("/api/rooms", ben.token()).asListOf(Room.class).get(0);
        assertEquals(2, across.online());
      }

      onA.send(new ClientFrame.SendChatMessage("across", "from A", "a-1"));
      Message fromA = onA.nextOf(ServerFrame.ChatMessagePosted.class).message();
      assertEquals(fromA, onB.nextOf(ServerFrame.ChatMessagePosted.class).message());

      onB.send(new ClientFrame.SendChatMessage("across", "from B", "b-1"));
      Message fromB = onB.nextOf(ServerFrame.ChatMessagePosted.class).message();
      assertEquals(fromB, onA.nextOf(ServerFrame.ChatMessagePosted.class).message());

      // A token from one node works on the other, and both serve the same history.
      assertEquals(
          b.get("/api/rooms/across/messages", anna.token()).body(),
          a.get("/api/rooms/across/messages", ben.token()).body());
      assertEquals("node-a", a.get("/api/rooms", anna.token()).node());
      assertEquals("node-b", b.get("/api/rooms", anna.token()).node());
    }
  }
}
