package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import chat.dto.Message;
import chat.dto.Reaction;
import chat.dto.Role;
import chat.dto.User;
import chat.dto.WireJson;
import chat.testing.Eventually;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A catch-up of the changes cut short (docs/protocol.md, "A catch-up of the changes too"), filled
 * over REST in pages of two from a server that answers as the contract says: a message sent within the
 * first page's numbers but changed after them comes in a later page, and is news, not a change to a
 * message the client never had; nothing is missing or asked for twice once the pages are in.
 */
class GapFillerTest {

  private static final Channel ROOM = Channel.room("general");
  private static final User BOB = User.of(2, "bob", Role.USER);
  private static final String UP = "\uD83D\uDC4D";

  private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
  /** The room as the server now has it: each message as it now is, by id. */
  private final Map<Long, Message> stored = new ConcurrentHashMap<>();
  /** The afterSeq of each page asked for. */
  private final List<Long> asked = new CopyOnWriteArrayList<>();
  private final List<String> retried = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private ResumeState resume;
  /** What a user of the connection would see: the messages shown, by id, each as it was last shown. */
  private final Map<Long, Message> shown = new TreeMap<>();
  private final List<String> lost = new ArrayList<>();

  @BeforeEach
  void serveTheRoom() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/rooms/general/messages", exchange -> {
      Map<String, String> query = new HashMap<>();
      for (String pair : exchange.getRequestURI().getQuery().split("&")) {
        query.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
      long after = Long.parseLong(query.get("afterSeq"));
      asked.add(after);
      byte[] body = WireJson.toJson(changesAfter(after, Integer.parseInt(query.get("limit")))).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    loop.shutdownNow();
  }

  @Test
  void aCutCatchUpEndsWithEveryMessageAsItNowIsAndNothingMissing() {
    for (long n = 1; n <= 7; n++) {
      store(message(n, n, null, "m" + n));
    }
    onLoop(() -> {
      resume = new ResumeState();
      // Before the client went away it had the first two.
      List.of(stored.get(1L), stored.get(2L)).forEach(m -> assertEquals(ResumeState.Seen.NEW, resume.see(ROOM, m)));
      List.of(stored.get(1L), stored.get(2L)).forEach(m -> shown.put(m.id(), m));
      return null;
    });
    // While it was away: 3 to 7 sent, then 3 edited (8), 1 reacted to (9), 4 deleted (10).
    store(message(3, 3, 8L, "m3, edited"));
    store(message(1, 1, 9L, "m1").withReactions(List.of(new Reaction(UP, 1, List.of("bob"), null))));
    store(new Message(4, 4, "general", null, null, null, null, null, null, 10L, null, null, null, true));

    // The catch-up over the socket, cut after three (more): 5, 6 and 7, numbered up to 7; 3 and 4,
    // sent within those numbers, changed after them.
    List<Message> firstPage = changesAfter(2, 3);
    assertEquals(List.of(5L, 6L, 7L), firstPage.stream().map(Message::id).toList());
    GapFiller gaps =
        new GapFiller(
            ChatApi.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort())).as("token"),
            resume,
            loop,
            this::found,
            () -> 2,
            () -> false,
            retried::add);
    onLoop(() -> {
      // As the connection takes a catch-up cut short: it begins the channel, sees each, completes nothing.
      resume.beginAt(ROOM, firstPage);
      firstPage.forEach(m -> found(ROOM, m));
      gaps.fillAfter(ROOM, 7);
      return null;
    });

    Eventually.within(Duration.ofSeconds(10), () -> assertEquals(10L, onLoop(() -> resume.resumeSeq(ROOM)), "complete up to the last change"));
    assertEquals(List.of(7L, 9L), asked, "paging on from the cut, each page from the last number of the one before");
    assertFalse(onLoop(() -> resume.hasGap(ROOM)), "no number missing");
    assertEquals(List.of(), lost, "no change to a message never shown");
    assertEquals(List.of(), retried);
    Map<Long, Message> expected = new TreeMap<>(stored);
    expected.remove(4L);
    assertEquals(expected, onLoop(() -> new TreeMap<>(shown)), "every message as it now is, the deleted one gone");
  }

  /** What the connection does with a message a page found (ChatConnection.accept), as its user would see it. */
  private void found(Channel channel, Message message) {
    switch (resume.see(channel, message)) {
      case NEW -> {
        if (!message.isDeleted()) {
          shown.put(message.id(), message);
        }
      }
      case CHANGED -> {
        if (message.isDeleted()) {
          shown.remove(message.id());
        } else if (shown.replace(message.id(), message) == null) {
          lost.add("a change to " + message.id() + ", never shown");
        }
      }
      case NOTHING_NEW -> {}
    }
  }

  /** The server's page after {@code after} with changes: each message once, as it now is, by its latest number. */
  private List<Message> changesAfter(long after, int limit) {
    return stored.values().stream()
        .filter(m -> m.latestSeq() > after)
        .sorted(Comparator.comparingLong(Message::latestSeq))
        .limit(limit)
        .toList();
  }

  private void store(Message message) {
    stored.put(message.id(), message);
  }

  private static Message message(long id, long seq, Long changedSeq, String text) {
    return new Message(id, seq, "general", null, BOB, text, Instant.EPOCH, null, null, changedSeq, null, null, null, null);
  }

  /** Runs {@code work} on the loop, which owns the resume state and what is shown, as a connection's does. */
  private <T> T onLoop(Callable<T> work) {
    try {
      return loop.submit(work).get();
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }
}
