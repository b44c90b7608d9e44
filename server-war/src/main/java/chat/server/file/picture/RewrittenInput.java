package chat.server.file.picture;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A picture's bytes as they are stored: read from the upload piece by piece, each piece passed on,
 * changed or left out by the format's rules, so the stream never holds more than one piece (at most a
 * JPEG segment, 64 KiB). What follows the picture's end is read to the end and left out.
 */
abstract class RewrittenInput extends InputStream {

  /** The most a pass-through copies in one piece. */
  static final int PIECE = 64 * 1024;

  final InputStream in;
  private byte[] out = new byte[PIECE];
  private int at;
  private int end;
  private boolean done;

  RewrittenInput(InputStream in) {
    this.in = in;
  }

  /** Emits the next piece (none, one or more {@link #emit} calls); false once the picture has ended. */
  abstract boolean next() throws IOException;

  /** The EXIF orientation (1 to 8) the picture's metadata gave: 1 when it gave none. */
  int orientation() {
    return 1;
  }

  final void emit(byte[] bytes, int offset, int length) {
    if (end + length > out.length) {
      out = Arrays.copyOf(out, Math.max(out.length * 2, end + length));
    }
    System.arraycopy(bytes, offset, out, end, length);
    end += length;
  }

  final void emit(byte[] bytes) {
    emit(bytes, 0, bytes.length);
  }

  final void emit(int... bytes) {
    for (int b : bytes) {
      emit(new byte[] {(byte) b}, 0, 1);
    }
  }

  /** Passes {@code count} bytes on as they are, in pieces; false when the upload ended first. */
  final boolean copy(long count) throws IOException {
    byte[] piece = new byte[(int) Math.min(PIECE, Math.max(count, 1))];
    long left = count;
    while (left > 0) {
      int read = in.read(piece, 0, (int) Math.min(piece.length, left));
      if (read < 0) {
        return false;
      }
      emit(piece, 0, read);
      left -= read;
    }
    return true;
  }

  /** Exactly {@code count} bytes, or null when the upload ended first. */
  final byte[] readExactly(int count) throws IOException {
    byte[] bytes = in.readNBytes(count);
    return bytes.length == count ? bytes : null;
  }

  @Override
  public final int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public final int read(byte[] into, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (at == end) {
      at = 0;
      end = 0;
      if (done || !next()) {
        if (!done) {
          done = true;
          // What follows the picture is read, so the upload is counted and checked to its end.
          in.transferTo(OutputStream.nullOutputStream());
        }
        if (at == end) {
          return -1;
        }
      }
    }
    int count = Math.min(length, end - at);
    System.arraycopy(out, at, into, offset, count);
    at += count;
    return count;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
