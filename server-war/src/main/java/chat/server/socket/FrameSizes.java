package chat.server.socket;

import java.nio.ByteBuffer;

/**
 * Follows a client's WebSocket byte stream by its frame headers, as the bytes pass on to the
 * container, and says when a frame, or a message in fragments, declares more payload than the limit:
 * a header says its length, so such a frame is refused when its header has arrived rather than once
 * its payload has (which the container would buffer first). It reads only; the bytes are not changed.
 */
final class FrameSizes {

  /** RFC 6455 holds a control frame (close, ping, pong) to 125 bytes. */
  private static final int MAX_CONTROL_PAYLOAD = 125;
  private static final int LONGEST_HEADER = 14;

  private final long limit;
  private final byte[] header = new byte[LONGEST_HEADER];
  private int headerRead;
  private long payloadLeft;
  /** The payload so far of a text or binary message sent in fragments, until its last one. */
  private long messageSoFar;

  FrameSizes(long limit) {
    this.limit = limit;
  }

  /** Follows {@code bytes} (from their position, which stays put); false once one declares too much. */
  boolean withinLimit(ByteBuffer bytes) {
    ByteBuffer view = bytes.duplicate();
    while (view.hasRemaining()) {
      if (payloadLeft > 0) {
        int skipped = (int) Math.min(payloadLeft, view.remaining());
        view.position(view.position() + skipped);
        payloadLeft -= skipped;
      } else {
        header[headerRead++] = view.get();
        if (headerRead == headerLength()) {
          headerRead = 0;
          if (!acceptHeader()) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** The whole header's length, once its first two bytes tell it; 0 before. */
  private int headerLength() {
    if (headerRead < 2) {
      return 0;
    }
    int shortLength = header[1] & 0x7f;
    int extended = shortLength == 126 ? 2 : shortLength == 127 ? 8 : 0;
    int mask = (header[1] & 0x80) != 0 ? 4 : 0;
    return 2 + extended + mask;
  }

  private boolean acceptHeader() {
    boolean last = (header[0] & 0x80) != 0;
    int opcode = header[0] & 0x0f;
    long length = payloadLength();
    if (length < 0) {
      return false;
    }
    payloadLeft = length;
    if (opcode >= 0x8) {
      return length <= MAX_CONTROL_PAYLOAD;
    }
    long message = opcode == 0x0 ? messageSoFar + length : length;
    messageSoFar = last ? 0 : message;
    return message <= limit;
  }

  /** The declared payload length; negative for a 64-bit length with its top bit set (RFC 6455 forbids it). */
  private long payloadLength() {
    int shortLength = header[1] & 0x7f;
    if (shortLength < 126) {
      return shortLength;
    }
    long length = 0;
    int bytes = shortLength == 126 ? 2 : 8;
    for (int i = 0; i < bytes; i++) {
      length = (length << 8) | (header[2 + i] & 0xff);
    }
    return length;
  }
}
