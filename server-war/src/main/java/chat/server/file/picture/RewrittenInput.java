package chat.server.file.picture;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A picture's bytes as they are stored: read from the upload piece by piece, each piece passed on,
 * changed or left out by the format's rules, so the stream never holds more than one piece (a JPEG
 * segment or 64 KiB of a longer chunk, whatever length the chunk claims). What follows the picture's
 * end is read to the end and left out.
 */
abstract class RewrittenInput extends InputStream {

  /** The most a pass-through copies in one piece. */
  static final int PIECE = 64 * 1024;

  final InputStream in;
  private byte[] out = new byte[PIECE];
  private int at;
  private int end;
  private boolean done;
  private long passing;
  private Passing how;
  private boolean endsAfterPassing;

  RewrittenInput(InputStream in) {
    this.in = in;
  }

  /** Emits the next piece (none, one or more {@link #emit} calls); false once the picture has ended. */
  abstract boolean next() throws IOException;

  /** The EXIF orientation (1 to 8) the picture's metadata gave: 1 when it gave none. */
  int orientation() {
    return 1;
  }

  /**
   * Whether the picture is a JPEG of several scans (progressive): decoding one holds every pixel's
   * coefficients at once, outside the heap, whatever the subsampling.
   */
  boolean progressive() {
    return false;
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

  /**
   * Passes the next {@code count} bytes on as {@code how} says (as they are, as zeros, or not at all),
   * a piece at a time in the reads that follow, before {@link #next} is asked again: however long a
   * chunk claims to be, no more than a piece of it is held at once.
   */
  final void pass(long count, Passing how) {
    passing = count;
    this.how = how;
  }

  /** As {@link #pass}, and the picture ends with those bytes. */
  final void passLast(long count, Passing how) {
    pass(count, how);
    endsAfterPassing = true;
  }

  /** What {@link #pass} does with the bytes it passes. */
  enum Passing { AS_THEY_ARE, BLANKED, LEFT_OUT }

  /** One piece of what {@link #pass} asked for: false when the upload ended first. */
  private boolean passPiece() throws IOException {
    int piece = (int) Math.min(PIECE, passing);
    byte[] bytes = new byte[piece];
    int read = in.readNBytes(bytes, 0, piece);
    passing -= read;
    if (how == Passing.BLANKED) {
      Arrays.fill(bytes, 0, read, (byte) 0);
    }
    if (how != Passing.LEFT_OUT) {
      emit(bytes, 0, read);
    }
    if (read < piece) {
      passing = 0;
      return false;
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
      boolean going = passing > 0 ? passPiece() : !done && !endsAfterPassing && next();
      if (done || !going) {
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
