package chat.server.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Authenticated;
import chat.server.testing.ChatHttp;
import chat.testing.Names;
import chat.testing.OneNode;
import chat.testing.RawWebSocket;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input is refused by its declared size before the node buffers it: a WebSocket frame that declares
 * megabytes is refused at its header (1009), so a hundred of them leave the node's heap where it was;
 * a REST body past 64 KiB is refused whether its length is declared or not.
 */
class OversizedInputIT {

  private static final int DECLARED = 4_000_000;
  private static final int SENT = 64 * 1024;
  private static final int SOCKETS = 100;
  private static final int DEFAULT_MAX_FRAME_BYTES = 8192;
  /** What a hundred sockets may add to the heap: their sessions, not the megabytes they declared. */
  private static final long HEAP_MARGIN = 6L * 1024 * 1024;

  @TempDir static Path dataDir;
  private static OneNode server;
  private static ChatHttp node;

  @BeforeAll
  static void start() {
    server = OneNode.start(dataDir, "oversized", Map.of("CHAT_RATE_CONNECTIONS", "1000/10"));
    node = new ChatHttp(server.uri());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void framesDeclaringMegabytesAreRefusedAtTheirHeaderAndParkNothing() throws IOException {
    Authenticated zed = node.signUp(Names.unique("zed"), "zed-password");
    RawWebSocket.connect(node.base(), zed.token(), 65536).close();
    long heapBefore = server.node().liveHeapBytes();
    List<RawWebSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < SOCKETS; i++) {
        RawWebSocket raw = RawWebSocket.connect(node.base(), zed.token(), 65536);
        sockets.add(raw);
        raw.sendHeaderAndPart(DECLARED, new byte[SENT]);
      }
      // Each refused as its header arrived, the rest of what it declared never awaited.
      for (RawWebSocket raw : sockets) {
        assertEquals(1009, raw.closeCode());
      }
      long grown = server.node().liveHeapBytes() - heapBefore;
      assertTrue(grown < HEAP_MARGIN, "the heap grew by " + grown / 1024 + " KB");
    } finally {
      for (RawWebSocket raw : sockets) {
        raw.close();
      }
    }
  }

  @Test
  void oneByteOverTheLimitIsRefusedAtItsHeaderAfterFramesWithinIt() throws IOException {
    Authenticated yan = node.signUp(Names.unique("yan"), "yan-password");
    try (RawWebSocket raw = RawWebSocket.connect(node.base(), yan.token(), 65536)) {
      raw.sendText("{\"type\":\"ping\"}");
      raw.sendText("{\"type\":\"ping\"}");
      raw.sendHeaderAndPart(DEFAULT_MAX_FRAME_BYTES + 1, new byte[10]);
      assertEquals(1009, raw.closeCode());
    }
  }

  @Test
  void aRestBodyPastTheLimitIsRefusedBeforeItIsParsed() throws Exception {
    String big = "{\"username\":\"" + "a".repeat(100_000) + "\",\"password\":\"whatever-password\"}";
    // HTTP/1.1, as the project's clients speak: a request that also asks for h2c has its chunked body
    // read raw by the container, and is refused as malformed JSON (decision 0013).
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest declared =
        HttpRequest.newBuilder(node.base().resolve("/api/signup"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(big))
            .build();
    HttpResponse<String> answer = client.send(declared, HttpResponse.BodyHandlers.ofString());
    assertEquals(413, answer.statusCode(), answer.body());
    assertTrue(answer.body().contains("payload_too_large"), answer.body());

    HttpRequest chunked =
        HttpRequest.newBuilder(node.base().resolve("/api/signup"))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(15))
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
            .build();
    HttpResponse<String> unannounced = client.send(chunked, HttpResponse.BodyHandlers.ofString());
    assertEquals(413, unannounced.statusCode(), unannounced.body());
    assertEquals(201, node.post("/api/signup", null, new chat.dto.Credentials(Names.unique("amy"), "amy-password")).status());
  }
}
