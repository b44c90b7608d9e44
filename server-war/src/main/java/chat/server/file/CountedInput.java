package chat.server.file;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

/**
 * A request body that counts the bytes read from it and ends in {@link ByteStore.TooLarge} past
 * {@code most}, and in {@link TooSlow} past {@code until}: what a picture loses of its metadata on
 * the way is counted too, so a body of metadata alone cannot run on without end, and an upload ends
 * before the cleaner would take its bytes for those of one left behind.
 */
final class CountedInput extends FilterInputStream {

  private final long most;
  private final Instant until;
  private long count;

  CountedInput(InputStream in, long most, Instant until) {
    super(in);
    this.most = most;
    this.until = until;
  }

  long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] into, int offset, int length) throws IOException {
    int read = super.read(into, offset, length);
    if (read > 0) {
      counted(read);
    }
    return read;
  }

  @Override
  public long skip(long n) throws IOException {
    // A piece at a time, so the limits are checked as a long skip goes.
    long skipped = super.skip(Math.min(n, 64 * 1024));
    counted(skipped);
    return skipped;
  }

  private void counted(long bytes) throws IOException {
    count += bytes;
    if (count > most) {
      throw new ByteStore.TooLarge(most);
    }
    if (Instant.now().isAfter(until)) {
      throw new TooSlow();
    }
  }

  /** An upload still coming at its deadline. */
  static final class TooSlow extends IOException {
    TooSlow() {
      super("the upload took too long");
    }
  }
}
