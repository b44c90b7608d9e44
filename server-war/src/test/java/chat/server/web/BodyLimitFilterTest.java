package chat.server.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BodyLimitFilterTest {

  @Test
  void aBodyOfExactlyTheLimitIsReadWhole() throws IOException {
    byte[] body = new byte[BodyLimitFilter.MAX_BYTES];
    body[body.length - 1] = 42;

    assertArrayEquals(body, new BodyLimitFilter.LimitedInput(servletInput(body)).readAllBytes());
  }

  @Test
  void theReadThatGoesOneBytePastTheLimitFails() throws IOException {
    InputStream limited = new BodyLimitFilter.LimitedInput(servletInput(new byte[BodyLimitFilter.MAX_BYTES + 1]));

    assertEquals(BodyLimitFilter.MAX_BYTES, limited.readNBytes(BodyLimitFilter.MAX_BYTES).length);
    IOException refused = assertThrows(BodyLimitFilter.TooLarge.class, limited::read);
    assertEquals("a request body is at most 65536 bytes", refused.getMessage());
  }

  @Test
  void readingInBlocksIsCountedAsReadingByteByByte() {
    InputStream limited = new BodyLimitFilter.LimitedInput(servletInput(new byte[3 * BodyLimitFilter.MAX_BYTES]));

    assertThrows(BodyLimitFilter.TooLarge.class, () -> limited.read(new byte[2 * BodyLimitFilter.MAX_BYTES]));
  }

  @Test
  void theEndOfABodyCountsForNothing() throws IOException {
    InputStream limited = new BodyLimitFilter.LimitedInput(servletInput(new byte[BodyLimitFilter.MAX_BYTES]));
    limited.readAllBytes();

    for (int i = 0; i < 3; i++) {
      assertEquals(-1, limited.read());
      assertEquals(-1, limited.read(new byte[10], 0, 10));
    }
  }

  private static ServletInputStream servletInput(byte[] body) {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        return in.read(buffer, offset, length);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException();
      }
    };
  }
}
