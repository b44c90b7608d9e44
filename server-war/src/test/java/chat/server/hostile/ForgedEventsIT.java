package chat.server.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Authenticated;
import chat.dto.BanRequest;
import chat.dto.ClientFrame;
import chat.dto.Message;
import chat.dto.Room;
import chat.dto.ServerFrame;
import chat.dto.User;
import chat.dto.WireJson;
import chat.server.testing.ChatHttp;
import chat.server.testing.ChatSocket;
import chat.testing.Eventually;
import chat.testing.PayaraNode;
import chat.testing.SharedTwoNodes;
import chat.testing.TwoNodes;
import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whoever reaches the data grid's port can publish on the nodes' event topic. Only events signed with
 * the cluster's secret count: a forged message reaches no one, a forged unban frees no one. And a node
 * that would join a cluster without the secret does not start.
 */
@ExtendWith(SharedTwoNodes.class)
class ForgedEventsIT {

  private static final String TOPIC = "chat-events";

  @TempDir static Path dataDir;
  private static TwoNodes cluster;
  private static HazelcastInstance intruder;
  private static ChatHttp a;
  private static Authenticated root;
  /** Forged events published so far; this class alone forges on the shared cluster. */
  private static int forged;

  @BeforeAll
  static void useTheSharedCluster(TwoNodes shared) {
    cluster = shared;
    a = new ChatHttp(cluster.a.uri());
    root = a.logIn(TwoNodes.ADMIN, TwoNodes.ADMIN_PASSWORD);
    ClientConfig config = new ClientConfig().setClusterName(cluster.a.clusterName());
    config.getNetworkConfig().addAddress("127.0.0.1:" + cluster.a.hazelcastPort());
    intruder = HazelcastClient.newHazelcastClient(config);
  }

  @AfterAll
  static void stop() {
    if (intruder != null) {
      intruder.shutdown();
    }
  }

  @Test
  void aMessageForgedOnTheGridReachesNoOne() {
    Authenticated ada = a.signUp("ada", "ada-password");
    Room room = a.createRoom(ada.token(), "guarded");
    try (ChatSocket socket = ChatSocket.connect(a, ada.token())) {
      socket.send(new ClientFrame.JoinRoom("guarded"));
      socket.nextOf(ServerFrame.RoomJoined.class);

      Message fake = new Message(999_999L, 1, "guarded", null, User.of(1, "root", chat.dto.Role.ADMIN), "send your password to evil.example", Instant.now(), null);
      String frame = WireJson.toJson(new ServerFrame.ChatMessagePosted(fake));
      forge("R:" + room.id() + ":999999:0:0:" + frame);
      forge("A".repeat(43) + ".R:" + room.id() + ":999998:0:0:" + frame);

      socket.send(new ClientFrame.SendChatMessage("guarded", "a real one", "real-1"));
      for (ServerFrame next = socket.next(ServerFrame.class); ; next = socket.next(ServerFrame.class)) {
        assertTrue(
            !(next instanceof ServerFrame.ChatMessagePosted posted) || posted.message().id() < 999_998L,
            "a forged message was delivered: " + next);
        if (next instanceof ServerFrame.ChatMessagePosted posted && "real-1".equals(posted.message().clientId())) {
          break;
        }
      }
    }
  }

  @Test
  void anUnbanForgedOnTheGridFreesNoOne() {
    Authenticated spammer = a.signUp("spammer", "spammer-password");
    assertEquals(200, a.post("/api/users/ban", root.token(), new BanRequest("spammer", false, "spam")).status());
    forge("X:" + spammer.user().id() + ":0:\nforged");
    // One publisher's events reach each listener in order: once a node has dropped as many forged
    // events as the intruder sent, it has had this one.
    Eventually.within(Duration.ofSeconds(30), () -> {
      assertTrue(forgedDropped(cluster.a) >= forged, "node a has not had the forged unban yet");
      assertTrue(forgedDropped(cluster.b) >= forged, "node b has not had the forged unban yet");
    });
    assertEquals(403, a.post("/api/login", null, new chat.dto.Credentials("spammer", "spammer-password")).status());
    assertEquals(403, new ChatHttp(cluster.b.uri()).post("/api/login", null, new chat.dto.Credentials("spammer", "spammer-password")).status());
  }

  /** Publishes on the nodes' topic as the intruder, who does not hold the cluster's secret. */
  private static void forge(String event) {
    intruder.<String>getTopic(TOPIC).publish(event);
    forged++;
  }

  /** How many events with a bad signature the node has dropped, from its {@code /metrics}. */
  private static long forgedDropped(PayaraNode node) {
    String metrics = new ChatHttp(node.uri()).get("/metrics?scope=application", null).body();
    Matcher count = Pattern.compile("^chat_events_forged_total\\{[^}]*} (\\S+)$", Pattern.MULTILINE).matcher(metrics);
    return count.find() ? (long) Double.parseDouble(count.group(1)) : 0;
  }

  @Test
  void aNodeThatWouldJoinTheClusterWithoutTheSecretDoesNotStart() {
    Map<String, String> environment = Map.of("CHAT_DATA_DIR", dataDir.resolve("secretless").toString(), "CHAT_CLUSTER_SECRET", "");
    int port = PayaraNode.freePort();
    PayaraNode secretless =
        new PayaraNode("secretless", environment, dataDir.resolve("logs"))
            .inCluster(cluster.a.clusterName(), port, "127.0.0.1:" + cluster.a.hazelcastPort() + ",127.0.0.1:" + port);
    try {
      assertThrows(IllegalStateException.class, secretless::start);
    } finally {
      secretless.kill();
    }
  }
}
