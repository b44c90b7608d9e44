package chat.testing;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A WebSocket client written out by hand over a plain TCP socket, for what a well-behaved client
 * library will not do: send a frame header that lies about its length, or read nothing at all with a
 * receive buffer too small to hide it. Frames go out masked with a zero mask, so their payload goes
 * as it is.
 */
public final class RawWebSocket implements AutoCloseable {

  public static final int ABNORMAL_CLOSURE = 1006;
  private static final Duration WAIT = Duration.ofSeconds(15);

  private final Socket socket;
  private final OutputStream out;
  private final DataInputStream in;
  /** The node's close code once it closed, 0 before. */
  private int closedWith;

  private RawWebSocket(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.in = new DataInputStream(socket.getInputStream());
  }

  /** Connects and completes the handshake; {@code receiveBuffer} bytes of the node's frames fit in it. */
  public static RawWebSocket connect(URI node, String token, int receiveBuffer) throws IOException {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(receiveBuffer);
    socket.connect(new InetSocketAddress(node.getHost(), node.getPort()));
    socket.setSoTimeout((int) WAIT.toMillis());
    RawWebSocket raw = new RawWebSocket(socket);
    raw.out.write(
        ("GET /ws HTTP/1.1\r\nHost: " + node.getAuthority() + "\r\nAuthorization: Bearer " + token
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    StringBuilder headers = new StringBuilder();
    while (!headers.toString().endsWith("\r\n\r\n")) {
      headers.append((char) raw.in.readUnsignedByte());
    }
    if (!headers.toString().contains(" 101 ")) {
      socket.close();
      throw new IOException("handshake refused: " + headers);
    }
    return raw;
  }

  /** A text frame announcing {@code declaredLength} bytes, of which only {@code payload} is sent. */
  public void sendHeaderAndPart(long declaredLength, byte[] payload) throws IOException {
    out.write(header(declaredLength));
    out.write(payload);
    out.flush();
  }

  public void sendText(String text) throws IOException {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    sendHeaderAndPart(payload.length, payload);
  }

  /** Reads the node's frames until its close frame: its code, or 1006 if the connection just ends. */
  public int closeCode() throws IOException {
    while (nextText().isPresent()) {
      // Frames before the close are of no interest here.
    }
    return closedWith;
  }

  /**
   * The node's next text frame (binary and control frames are passed over), or empty once it closed:
   * its code is then {@link #closeCode()}'s (1006 if the connection just ended).
   */
  public Optional<String> nextText() throws IOException {
    if (closedWith != 0) {
      return Optional.empty();
    }
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
          closedWith = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
          return Optional.empty();
        }
        if (opcode == 0x1) {
          return Optional.of(new String(payload, StandardCharsets.UTF_8));
        }
      }
    } catch (EOFException | SocketException ended) {
      closedWith = ABNORMAL_CLOSURE;
      return Optional.empty();
    }
  }

  private static byte[] header(long length) {
    ByteBuffer header = ByteBuffer.allocate(14).put((byte) 0x81);
    if (length < 126) {
      header.put((byte) (0x80 | length));
    } else if (length < 65536) {
      header.put((byte) (0x80 | 126)).putShort((short) length);
    } else {
      header.put((byte) (0x80 | 127)).putLong(length);
    }
    header.putInt(0);
    byte[] bytes = new byte[header.position()];
    header.flip().get(bytes);
    return bytes;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
