package chat.server.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Authenticated;
import chat.dto.ClientFrame;
import chat.dto.ServerFrame;
import chat.server.testing.ChatHttp;
import chat.server.testing.ChatSocket;
import chat.testing.Names;
import chat.testing.OneNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that connects with {@code frames=lines} may get several frames in one WebSocket message, a
 * line each; any other client gets one frame a message, as the contract always said (docs/protocol.md,
 * "Transport"; decision 0020).
 */
class FramesPerLineIT {

  private static final int BURST = 60;

  @TempDir static Path dataDir;
  private static OneNode server;
  private static ChatHttp http;

  @BeforeAll
  static void start() {
    server = OneNode.start(dataDir, "lines", Map.of("CHAT_RATE_MESSAGES", "1000/1"));
    http = new ChatHttp(server.uri());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aBurstReachesALinesClientInFewerMessagesAndAClassicClientAFrameAMessageBothWhole() {
    Authenticated ann = http.signUp(Names.unique("ann"), "ann-password");
    Authenticated bob = http.signUp(Names.unique("bob"), "bob-password");
    Authenticated carol = http.signUp(Names.unique("carol"), "carol-password");
    String room = Names.unique("burst");
    http.createRoom(carol.token(), room);
    try (ChatSocket lines = joined(ChatSocket.connectTakingLines(http, ann.token()), room);
        ChatSocket classic = joined(ChatSocket.connect(http, bob.token()), room);
        ChatSocket sender = joined(ChatSocket.connect(http, carol.token()), room)) {
      lines.sync();
      classic.sync();

      // Sent back to back, they are stored in a few batches, and each batch reaches the room at once.
      IntStream.range(0, BURST).forEach(i -> sender.send(new ClientFrame.SendChatMessage(room, "m" + i, "c-" + i)));

      List<String> expected = IntStream.range(0, BURST).mapToObj(i -> "m" + i).toList();
      assertEquals(expected, texts(lines));
      assertEquals(expected, texts(classic));
      assertTrue(lines.mostFramesInAMessage() > 1, "the burst came in fewer messages than frames");
      assertEquals(1, classic.mostFramesInAMessage());
    }
  }

  private static ChatSocket joined(ChatSocket socket, String room) {
    socket.send(new ClientFrame.JoinRoom(room, null, null));
    socket.nextOf(ServerFrame.RoomJoined.class);
    return socket;
  }

  private static List<String> texts(ChatSocket socket) {
    List<String> texts = new ArrayList<>();
    while (texts.size() < BURST) {
      texts.add(socket.nextOf(ServerFrame.ChatMessagePosted.class).message().text());
    }
    return texts;
  }
}
