package chat.server.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FrameSizesTest {

  private static final int LIMIT = 8192;
  private static final int TEXT = 0x1;
  private static final int CONTINUATION = 0x0;
  private static final int PING = 0x9;

  @Test
  void framesWithinTheLimitPassHoweverTheBytesAreCut() {
    byte[] stream = concat(frame(true, TEXT, 10), frame(true, TEXT, 300), frame(true, TEXT, LIMIT), frame(true, PING, 4));
    for (int cut = 1; cut <= 17; cut++) {
      assertTrue(follows(new FrameSizes(LIMIT), stream, cut), "cut in pieces of " + cut);
    }
  }

  @Test
  void aFrameDeclaringMoreIsRefusedOnceItsHeaderIsInWithoutItsPayload() {
    FrameSizes sizes = new FrameSizes(LIMIT);
    byte[] header = Arrays.copyOf(frame(true, TEXT, 4_000_000), 14);
    assertTrue(sizes.withinLimit(ByteBuffer.wrap(header, 0, 13)));
    assertFalse(sizes.withinLimit(ByteBuffer.wrap(header, 13, 1)));
  }

  @Test
  void oneByteOverIsRefusedInEachLengthForm() {
    assertFalse(new FrameSizes(100).withinLimit(ByteBuffer.wrap(frame(true, TEXT, 101))));
    assertFalse(new FrameSizes(LIMIT).withinLimit(ByteBuffer.wrap(frame(true, TEXT, LIMIT + 1))));
    assertFalse(new FrameSizes(70_000).withinLimit(ByteBuffer.wrap(frame(true, TEXT, 70_001))));
  }

  @Test
  void aMessageInFragmentsCountsWhole() {
    byte[] within = concat(frame(false, TEXT, 4000), frame(true, CONTINUATION, 4192), frame(true, TEXT, 8000));
    assertTrue(follows(new FrameSizes(LIMIT), within, within.length));
    byte[] over =
        concat(frame(false, TEXT, 4000), frame(true, PING, 0), frame(false, CONTINUATION, 4000), frame(true, CONTINUATION, 193));
    assertFalse(follows(new FrameSizes(LIMIT), over, 5));
  }

  @Test
  void aControlFramePastWhatTheProtocolAllowsIsRefused() {
    assertFalse(new FrameSizes(LIMIT).withinLimit(ByteBuffer.wrap(frame(true, PING, 126))));
  }

  @Test
  void aLengthWithItsTopBitSetIsRefused() {
    ByteBuffer header = ByteBuffer.allocate(14).put((byte) 0x81).put((byte) (0x80 | 127)).putLong(-1L).putInt(0).flip();
    assertFalse(new FrameSizes(LIMIT).withinLimit(header));
  }

  @Test
  void followingLeavesTheBytesAsTheyWere() {
    ByteBuffer bytes = ByteBuffer.wrap(frame(true, TEXT, 20));
    new FrameSizes(LIMIT).withinLimit(bytes);
    assertEquals(0, bytes.position());
  }

  private static boolean follows(FrameSizes sizes, byte[] stream, int piece) {
    for (int at = 0; at < stream.length; at += piece) {
      if (!sizes.withinLimit(ByteBuffer.wrap(stream, at, Math.min(piece, stream.length - at)))) {
        return false;
      }
    }
    return true;
  }

  /** A masked frame as a client sends it, its payload zeros. */
  private static byte[] frame(boolean last, int opcode, int length) {
    ByteBuffer frame = ByteBuffer.allocate(14 + length).put((byte) ((last ? 0x80 : 0) | opcode));
    if (length < 126) {
      frame.put((byte) (0x80 | length));
    } else if (length < 65536) {
      frame.put((byte) (0x80 | 126)).putShort((short) length);
    } else {
      frame.put((byte) (0x80 | 127)).putLong(length);
    }
    frame.putInt(0x11223344).position(frame.position() + length);
    return Arrays.copyOf(frame.array(), frame.position());
  }

  private static byte[] concat(byte[]... frames) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] frame : frames) {
      out.writeBytes(frame);
    }
    return out.toByteArray();
  }
}
