package chat.server.file.picture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A WebP without its EXIF and XMP. The file's size is written at its start, before its chunks are
 * read, so they are not cut out but blanked: each becomes a {@code JUNK} chunk (RIFF's filler, which
 * readers pass over) of zeros of the same length, and the extended header no longer says it has them.
 */
final class WebpWithoutMetadata extends RewrittenInput {

  private static final int VP8X_EXIF = 0x08;
  private static final int VP8X_XMP = 0x04;
  private static final byte[] JUNK = "JUNK".getBytes(StandardCharsets.ISO_8859_1);

  private boolean started;

  WebpWithoutMetadata(InputStream in) {
    super(in);
  }

  @Override
  boolean next() throws IOException {
    if (!started) {
      started = true;
      byte[] header = readExactly(12);
      if (header == null) {
        return false;
      }
      emit(header);
      return true;
    }
    byte[] chunk = readExactly(8);
    if (chunk == null) {
      return false;
    }
    String type = new String(chunk, 0, 4, StandardCharsets.ISO_8859_1);
    long size = Integer.toUnsignedLong((chunk[4] & 0xff) | (chunk[5] & 0xff) << 8 | (chunk[6] & 0xff) << 16 | (chunk[7] & 0xff) << 24);
    long padded = size + (size & 1);
    if (type.equals("EXIF") || type.equals("XMP ")) {
      System.arraycopy(JUNK, 0, chunk, 0, 4);
      emit(chunk);
      return blank(padded);
    }
    emit(chunk);
    if (type.equals("VP8X") && padded >= 1) {
      int flags = in.read();
      if (flags < 0) {
        return false;
      }
      emit(flags & ~(VP8X_EXIF | VP8X_XMP));
      padded--;
    }
    return copy(padded);
  }

  /** Reads {@code count} bytes and passes on as many zeros. */
  private boolean blank(long count) throws IOException {
    byte[] zeros = new byte[PIECE];
    long left = count;
    while (left > 0) {
      int piece = (int) Math.min(PIECE, left);
      byte[] read = in.readNBytes(piece);
      emit(zeros, 0, read.length);
      if (read.length < piece) {
        return false;
      }
      left -= piece;
    }
    return true;
  }
}
