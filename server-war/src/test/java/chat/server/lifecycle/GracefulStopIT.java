package chat.server.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Authenticated;
import chat.server.testing.ChatHttp;
import chat.server.testing.ChatSocket;
import chat.testing.PayaraNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node that is stopped turns not-ready first, then tells its clients to reconnect elsewhere (1012). */
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
