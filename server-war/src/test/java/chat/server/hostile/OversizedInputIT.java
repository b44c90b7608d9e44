package chat.server.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Authenticated;
import chat.server.testing.OneNodeSuite;
import chat.testing.Names;
import chat.testing.RawWebSocket;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.SocketException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Input is refused by its declared size before the node buffers it: a WebSocket frame that declares
 * megabytes, and a REST body past 64 KiB, whether its length is declared or not.
 */
class OversizedInputIT extends OneNodeSuite {

  private static final int DECLARED = 3_000_000;
  /** Past the container's 1 MiB of unparsed input, and half of what the frame declares. */
  private static final int SENT = 1_500_000;

  @Test
  void aFrameDeclaringMegabytesIsRefusedBeforeItHasArrived() throws IOException {
    Authenticated zed = node.signUp(Names.unique("zed"), "zed-password");
    try (RawWebSocket raw = RawWebSocket.connect(node.base(), zed.token(), 65536)) {
      try {
        raw.sendHeaderAndPart(DECLARED, new byte[SENT]);
      } catch (SocketException refusedAlready) {
        // The node closed while it was being sent: refused before it arrived, which is the point.
      }
      // The container closes it with 1011 (its buffer overflowed), or the connection ends first.
      int code = raw.closeCode();
      assertTrue(Set.of(1011, 1009, 1006).contains(code), "closed with " + code);
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
