package chat.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.client.Backoff;
import chat.client.ChatApi;
import chat.client.ChatConnection;
import chat.client.ConnectionState;
import chat.dto.Authenticated;
import chat.dto.ErrorBody;
import chat.dto.Message;
import chat.dto.ServerFrame;
import chat.dto.WireJson;
import chat.testing.Eventually;
import chat.testing.Names;
import java.io.IOException;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Through the real HAProxy of {@code bin/chat-cluster}, in front of three nodes started from the
 * release artifact: the sticky cookie, the payload limit, and a node killed under its clients. The
 * rolling restart under the bots is the chaos suite's RESTART_EVERY_NODE ({@code bin/chat-cluster
 * restart}, ChaosIT).
 */
@ExtendWith(SharedCluster.class)
class BalancerIT {

  private static final Duration SOON = Duration.ofSeconds(30);

  @Test
  void theCookieKeepsABrowserOnTheNodeItFirstReached(LocalCluster cluster) throws Exception {
    Set<String> withoutCookie = new HashSet<>();
    HttpClient forgetful = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    for (int i = 0; i < 6; i++) {
      withoutCookie.add(nodeAnswering(forgetful, cluster.uri()));
    }
    assertTrue(withoutCookie.size() > 1, "without the cookie, requests spread over the nodes: " + withoutCookie);

    HttpClient browser =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).build();
    String first = nodeAnswering(browser, cluster.uri());
    for (int i = 0; i < 10; i++) {
      assertEquals(first, nodeAnswering(browser, cluster.uri()), "request " + i + " left the node");
    }
  }

  @Test
  void aBodyLargerThanAnyRouteTakesStopsAtTheBalancer(LocalCluster cluster) throws Exception {
    // Headers that declare 100 KB, and not a byte of the body: HAProxy refuses on the declared length
    // alone. (A client that pushes the body regardless races the balancer's close and may read a reset
    // instead of the 413; either way no node sees the body. The JDK's client cannot be used to wait
    // for "100 Continue": it hung when the answer was final instead, on JDK 17 where this was written.)
    String answer;
    try (Socket socket = new Socket(cluster.uri().getHost(), cluster.uri().getPort())) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(
          ("POST /api/login HTTP/1.1\r\nHost: " + cluster.uri().getAuthority()
                  + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
    assertFalse(answer.toLowerCase(Locale.ROOT).contains("x-chat-node"), "no node saw it: " + answer);
    String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
    assertEquals("payload_too_large", WireJson.fromJson(body, ErrorBody.class).error());
  }

  @Test
  void theClientsOfAKilledNodeComeBackOnAnotherNodeAndMissNothing(LocalCluster cluster) {
    ChatApi api = ChatApi.of(cluster.uri());
    Authenticated ann = api.signUp(Names.unique("ann"), "ann-password");
    Authenticated bob = api.signUp(Names.unique("bob"), "bob-password");
    String room = api.as(ann.token()).createRoom(Names.unique("balancer")).name();
    Heard annHears = new Heard();
    Heard bobHears = new Heard();
    List<ChatConnection> connections = new ArrayList<>();
    try {
      ChatConnection annSocket = connect(api, ann, annHears, connections);
      String annsNode = annHears.awaitConnected().node();
      annSocket.join(room);
      // Bob is reached on a node other than Ann's, straight, so that his socket outlives hers.
      LocalCluster.Node bobsNode =
          cluster.nodes().stream().filter(node -> !node.name().equals(annsNode)).findFirst().orElseThrow();
      ChatConnection bobSocket = connect(ChatApi.of(bobsNode.uri()), bob, bobHears, connections);
      bobHears.awaitConnected();
      bobSocket.join(room);
      Eventually.within(SOON, () -> assertTrue(annHears.joined && bobHears.joined));

      List<String> sent = IntStream.rangeClosed(1, 10).mapToObj(i -> "message " + i).toList();
      sent.subList(0, 3).forEach(text -> bobSocket.send(room, text));
      Eventually.within(SOON, () -> assertEquals(sent.subList(0, 3), annHears.texts()));

      LocalCluster.Node killed =
          cluster.nodes().stream().filter(node -> node.name().equals(annsNode)).findFirst().orElseThrow();
      cluster.kill(killed);
      sent.subList(3, 10).forEach(text -> bobSocket.send(room, text));

      Eventually.within(SOON, () -> assertEquals(sent, annHears.texts()));
      ConnectionState.Connected back = annHears.awaitConnected();
      assertNotEquals(annsNode, back.node(), "Ann came back through the balancer on a live node");
      assertEquals(sent, bobHears.texts());
      cluster.startAgain(killed);
    } finally {
      connections.forEach(ChatConnection::close);
    }
  }

  private static String nodeAnswering(HttpClient client, URI balancer) throws IOException, InterruptedException {
    HttpResponse<Void> response =
        client.send(
            HttpRequest.newBuilder(balancer.resolve("/api/limits")).build(), HttpResponse.BodyHandlers.discarding());
    assertEquals(200, response.statusCode());
    return response.headers().firstValue("X-Chat-Node").orElseThrow();
  }

  private static ChatConnection connect(
      ChatApi api, Authenticated user, Heard heard, List<ChatConnection> connections) {
    Backoff quick = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), new Random());
    ChatConnection connection = new ChatConnection(api, user.token(), quick, heard);
    connections.add(connection);
    connection.start();
    return connection;
  }

  /** What one user's client shows: the room's messages in order, and where it is connected. */
  private static final class Heard implements ChatConnection.Listener {

    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private volatile ConnectionState state;
    private volatile boolean joined;

    @Override
    public void onFrame(ServerFrame frame) {
      if (frame instanceof ServerFrame.RoomJoined roomJoined) {
        messages.addAll(roomJoined.history());
        joined = true;
      } else if (frame instanceof ServerFrame.ChatMessagePosted posted) {
        messages.add(posted.message());
      }
    }

    @Override
    public void onState(ConnectionState state) {
      this.state = state;
    }

    ConnectionState.Connected awaitConnected() {
      Eventually.within(SOON, () -> assertTrue(state instanceof ConnectionState.Connected, "state: " + state));
      return (ConnectionState.Connected) state;
    }

    List<String> texts() {
      return messages.stream().map(Message::text).toList();
    }
  }
}
