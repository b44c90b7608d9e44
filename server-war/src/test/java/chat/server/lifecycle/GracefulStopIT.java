package chat.server.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Authenticated;
import chat.dto.Credentials;
import chat.server.testing.ChatHttp;
import chat.server.testing.ChatSocket;
import chat.server.testing.HttpReply;
import chat.testing.Eventually;
import chat.testing.Haproxy;
import chat.testing.Names;
import chat.testing.PayaraNode;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that is stopped turns not-ready first, then tells its clients to reconnect elsewhere (1012);
 * what its clients get meanwhile through the balancer is served or 503, never a failure of its own.
 */
class GracefulStopIT {

  @TempDir Path dataDir;

  @Test
  void aStoppingNodeTurnsNotReadyThenClosesItsSocketsWith1012() throws Exception {
    Path logs = Path.of(System.getProperty("chat.it.dataDir")).getParent().resolve("node-logs");
    PayaraNode node =
        new PayaraNode(
                "graceful",
                Map.of("CHAT_DATA_DIR", dataDir.toString(), "CHAT_BCRYPT_COST", "4", "CHAT_DRAIN_SECONDS", "2"),
                logs)
            .start();
    try {
      ChatHttp http = new ChatHttp(node.uri());
      Authenticated lea = http.signUp("lea", "lea-password");
      ChatSocket socket = ChatSocket.connect(http, lea.token());
      AtomicLong notReadyAt = new AtomicLong();
      CompletableFuture<Void> watching =
          CompletableFuture.runAsync(() -> notReadyAt.set(firstNotReady(http.base())));

      CompletableFuture<Void> stopping = CompletableFuture.runAsync(node::stop);
      int code = socket.awaitClose();
      long closedAt = System.nanoTime();
      assertEquals(1012, code);
      watching.get();
      assertTrue(notReadyAt.get() != 0, "the node never answered not-ready");
      assertTrue(notReadyAt.get() < closedAt, "not ready before the close");
      stopping.get();
    } finally {
      node.stop();
    }
  }

  @Test
  void behindTheBalancerEveryRouteIsServedOrUnavailableWhileTheNodeStops() throws Exception {
    Path logs = Path.of(System.getProperty("chat.it.dataDir")).getParent().resolve("node-logs");
    PayaraNode node =
        new PayaraNode("stopping", Map.of("CHAT_DATA_DIR", dataDir.resolve("node").toString(), "CHAT_BCRYPT_COST", "4"), logs)
            .start();
    Map<String, Long> answers = new ConcurrentSkipListMap<>();
    try (Haproxy balancer = Haproxy.inFrontOf(dataDir.resolve("haproxy"), List.of(node))) {
      ChatHttp http = new ChatHttp(balancer.uri());
      Authenticated max = http.signUp("max", "max-password");
      http.createRoom(max.token(), "stopping");
      AtomicBoolean stopped = new AtomicBoolean();
      // What the clients of a stopping node ask: a gap's fill, their account, the rooms, a sign-up.
      List<CompletableFuture<Void>> clients = new ArrayList<>();
      for (String path :
          List.of("/api/rooms/stopping/messages?afterSeq=0&limit=50", "/api/account", "/api/rooms", "signup")) {
        clients.add(CompletableFuture.runAsync(() -> askUntilStopped(http, max.token(), path, stopped, answers)));
      }
      Eventually.within(Duration.ofSeconds(10), () -> assertTrue(answers.getOrDefault("200", 0L) > 20, answers.toString()));
      node.stop();
      stopped.set(true);
      CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    } finally {
      node.stop();
    }
    // Served, or 503: the node's unavailable while it drains, the balancer's once no node is left.
    answers.keySet().removeIf(answer -> answer.startsWith("2") || answer.startsWith("503 "));
    assertEquals(Map.of(), answers, "what a stopping node's clients got that is neither served nor 503");
  }

  /** Asks {@code path} over and over until the node has stopped; counts each answer. */
  private static void askUntilStopped(
      ChatHttp http, String token, String path, AtomicBoolean stopped, Map<String, Long> answers) {
    while (!stopped.get()) {
      try {
        HttpReply reply =
            path.equals("signup")
                ? http.post("/api/signup", null, new Credentials(Names.unique("late"), "late-password"))
                : http.get(path, token);
        String answer =
            reply.status() < 300 ? Integer.toString(reply.status()) : reply.status() + " " + reply.body();
        answers.merge(answer, 1L, Long::sum);
      } catch (UncheckedIOException noAnswer) {
        answers.merge("no answer", 1L, Long::sum);
      }
    }
  }

  /** Polls readiness until the node answers anything but 200 (a 503), and says when. */
  private static long firstNotReady(URI base) {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest ready =
        HttpRequest.newBuilder(base.resolve("/health/ready")).timeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
          return System.nanoTime();
        }
      } catch (Exception unreachable) {
        // a refused connection is not an answer: the node must say it is not ready
      }
    }
    return 0;
  }
}
