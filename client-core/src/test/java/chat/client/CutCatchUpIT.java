package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.dto.Authenticated;
import chat.dto.Message;
import chat.dto.ServerFrame;
import chat.testing.Eventually;
import chat.testing.Names;
import chat.testing.OneNode;
import chat.testing.TcpRelay;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catch-up of the changes cut short (docs/protocol.md, "A catch-up of the changes too"), through a
 * real node whose catch-ups carry three messages: the rest comes over REST in pages of the largest size
 * the server allows, two of them here. The first two messages sent while Ann was away are changed last,
 * so they are numbered within the first page but come in the last one; they are news to her, shown as
 * they now are, and nothing is missing, twice or filled again.
 */
class CutCatchUpIT {

  private static final int CUT_AFTER = 3;
  /** More than a REST page (200) past the cut, so that the rest takes two. */
  private static final int SENT_AWAY = 250;
  private static final String UP = "\uD83D\uDC4D";
  private static final Duration SOON = Duration.ofSeconds(30);

  @TempDir static Path dataDir;
  private static OneNode server;

  @BeforeAll
  static void start() {
    server = OneNode.start(dataDir, "cut-catch-up", Map.of("CHAT_CATCHUP_LIMIT", Integer.toString(CUT_AFTER)));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aCatchUpCutShortEndsWithEveryMessageAsItNowIsAndNoNumberMissing() {
    Authenticated ann = ChatApi.of(server.uri()).signUp(Names.unique("ann"), "long-enough");
    Authenticated bob = ChatApi.of(server.uri()).signUp(Names.unique("bob"), "long-enough");
    ChatApi bobApi = ChatApi.of(server.uri()).as(bob.token());
    String room = bobApi.createRoom(Names.unique("room")).name();
    Backoff fast = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), new Random());
    Recorder annHears = new Recorder();
    Recorder bobHears = new Recorder();
    try (TcpRelay link = TcpRelay.to(server.uri());
        ChatConnection annSocket = new ChatConnection(ChatApi.of(link.uri()).as(ann.token()), ann.token(), fast, annHears);
        ChatConnection bobSocket = new ChatConnection(bobApi, bob.token(), fast, bobHears)) {
      annSocket.start();
      annSocket.join(room);
      annHears.next(ServerFrame.RoomJoined.class);
      bobSocket.start();
      bobSocket.join(room);
      bobHears.next(ServerFrame.RoomJoined.class);
      bobSocket.send(room, "before");
      Eventually.within(SOON, () -> assertEquals(List.of("before"), annHears.texts()));
      long before = annHears.messages.get(0).seq();

      link.cut();
      annHears.awaitState(ConnectionState.Reconnecting.class);
      for (int i = 1; i <= SENT_AWAY; i++) {
        server.storeUnsent(room, bob.user().username(), "away " + i, null);
      }
      List<Message> firstTwo = bobApi.roomMessages(room, ChatApi.Page.afterSeq(before, 2));
      bobApi.editMessage(firstTwo.get(1).id(), "away 2, edited while away");
      bobApi.react(firstTwo.get(0).id(), UP, true);
      link.restore();

      List<String> expected = new ArrayList<>(List.of("before", "away 1", "away 2, edited while away"));
      for (int i = 3; i <= SENT_AWAY; i++) {
        expected.add("away " + i);
      }
      ServerFrame.RoomJoined caughtUp = annHears.next(ServerFrame.RoomJoined.class);
      assertEquals(List.of("away 3", "away 4", "away 5"), caughtUp.history().stream().map(Message::text).toList(),
          "the catch-up over the socket, cut after three");
      Eventually.within(SOON, () -> assertEquals(expected, inIdOrder(annHears)));
      Message first = annHears.messages.stream().filter(m -> m.id() == firstTwo.get(0).id()).findFirst().orElseThrow();
      assertEquals(1, first.reactions().get(0).count(), "the first as it now is, reacted to");

      bobSocket.send(room, "after");
      expected.add("after");
      Eventually.within(SOON, () -> assertEquals(expected, inIdOrder(annHears)));
      assertEquals(expected.size(), annHears.messages.size(), "each once");
      assertEquals(List.of(), annHears.repeated, "nothing filled again");
      assertEquals(List.of(), annHears.retried);
    }
  }

  private static List<String> inIdOrder(Recorder recorder) {
    return recorder.messages.stream().sorted(Comparator.comparingLong(Message::id)).map(Message::text).toList();
  }
}
