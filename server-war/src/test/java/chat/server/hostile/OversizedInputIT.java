package chat.server.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Authenticated;
import chat.server.testing.ChatSocket;
import chat.server.testing.OneNodeSuite;
import chat.testing.Names;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
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
    try (Socket raw = new Socket(node.base().getHost(), node.base().getPort())) {
      raw.setSoTimeout((int) ChatSocket.WAIT.toMillis());
      OutputStream out = raw.getOutputStream();
      DataInputStream in = new DataInputStream(raw.getInputStream());
      out.write(
          ("GET /ws?token=" + zed.token() + " HTTP/1.1\r\nHost: " + node.base().getAuthority()
                  + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      String status = readHeaders(in);
      assertTrue(status.contains(" 101 "), status);

      // A masked text frame announcing 3 MB (the mask is zeros, so the payload goes as it is), of
      // which half is sent and the rest never is.
      ByteBuffer header = ByteBuffer.allocate(14).put((byte) 0x81).put((byte) (0x80 | 127)).putLong(DECLARED).putInt(0);
      out.write(header.array());
      try {
        out.write(new byte[SENT]);
        out.flush();
      } catch (SocketException refusedAlready) {
        // The node closed while it was being sent: refused before it arrived, which is the point.
      }
      // The container closes it with 1011 (its buffer overflowed), or the connection ends first.
      int code = closeCode(in);
      assertTrue(Set.of(1011, 1009, 1006).contains(code), "closed with " + code);
    }
  }

  @Test
  void aRestBodyPastTheLimitIsRefusedBeforeItIsParsed() throws Exception {
    String big = "{\"username\":\"" + "a".repeat(100_000) + "\",\"password\":\"whatever-password\"}";
    HttpClient client = HttpClient.newHttpClient();
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

  private static String readHeaders(DataInputStream in) throws IOException {
    StringBuilder headers = new StringBuilder();
    while (!headers.toString().endsWith("\r\n\r\n")) {
      headers.append((char) in.readUnsignedByte());
    }
    return headers.toString();
  }

  /** Reads the node's frames (the welcome first) until its close frame; the connection ending counts as 1006. */
  private static int closeCode(DataInputStream in) throws IOException {
    try {
      while (true) {
        int opcode = in.readUnsignedByte() & 0x0f;
        long length = in.readUnsignedByte() & 0x7f;
        if (length == 126) {
          length = in.readUnsignedShort();
        } else if (length == 127) {
          length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        if (opcode == 0x8) {
          return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
        }
      }
    } catch (EOFException | SocketException ended) {
      return 1006;
    }
  }
}
