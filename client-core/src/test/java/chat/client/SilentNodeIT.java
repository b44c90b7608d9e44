package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Authenticated;
import chat.dto.ServerFrame;
import chat.testing.Eventually;
import chat.testing.Names;
import chat.testing.OneNode;
import chat.testing.TcpRelay;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that goes silent without closing anything (frozen, or cut off on a dead link): the desktop
 * app's connection gives it up after two silent heartbeats, well before the node would give up on
 * the client, and resumes missing nothing. The link here is a relay that stops passing on what the node
 * says; the node runs a two-second heartbeat so that the test takes seconds.
 */
class SilentNodeIT {

  private static final Duration BEAT = Duration.ofSeconds(2);
  /**
   * Before the node would have dropped a client silent for three beats, and a beat's margin: a
   * connection that waited longer (two beats and five seconds, as before) would take 9 s or more here.
   */
  private static final Duration GIVES_UP_WITHIN = BEAT.multipliedBy(3).plusSeconds(1);

  @TempDir static Path dataDir;
  private static OneNode server;

  @BeforeAll
  static void start() {
    server = OneNode.start(dataDir, "silent", Map.of("CHAT_HEARTBEAT_SECONDS", Long.toString(BEAT.toSeconds())));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aNodeSilentForTwoHeartbeatsIsGivenUpAndResumedOnWithoutLosingAMessage() {
    Authenticated ann = ChatApi.of(server.uri()).signUp(Names.unique("ann"), "long-enough");
    Authenticated bob = ChatApi.of(server.uri()).signUp(Names.unique("bob"), "long-enough");
    ChatApi bobApi = ChatApi.of(server.uri()).as(bob.token());
    String room = bobApi.createRoom(Names.unique("room")).name();
    Backoff fast = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), new Random());
    try (TcpRelay link = TcpRelay.to(server.uri())) {
      Recorder annHears = new Recorder();
      ChatConnection annSocket = new ChatConnection(ChatApi.of(link.uri()).as(ann.token()), ann.token(), fast, annHears);
      Recorder bobHears = new Recorder();
      ChatConnection bobSocket = new ChatConnection(bobApi, bob.token(), fast, bobHears);
      try {
        annSocket.start();
        annSocket.join(room);
        annHears.next(ServerFrame.RoomJoined.class);
        bobSocket.start();
        bobSocket.join(room);
        bobHears.next(ServerFrame.RoomJoined.class);

        link.muteReplies();
        long muted = System.nanoTime();
        ConnectionState.Reconnecting gaveUp = annHears.awaitState(ConnectionState.Reconnecting.class);
        Duration silentFor = Duration.ofNanos(System.nanoTime() - muted);
        assertEquals("the server stopped answering", gaveUp.reason());
        assertTrue(silentFor.compareTo(GIVES_UP_WITHIN) < 0, "gave the node up only after " + silentFor);
        bobSocket.send(room, "said while Ann's node was silent");
        // The link is dropped and comes back, as when the client reaches another node.
        link.cut();
        link.restore();

        Eventually.within(
            Duration.ofSeconds(20), () -> assertEquals(List.of("said while Ann's node was silent"), annHears.texts()));
        assertTrue(annSocket.state() instanceof ConnectionState.Connected, annSocket.state().toString());
      } finally {
        annSocket.close();
        bobSocket.close();
      }
    }
  }
}
