package chat.server.file.picture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A WebP without its EXIF and XMP, and without what follows its end. The file's size is written at
 * its start, before its chunks are read, so they are not cut out but blanked: each becomes a
 * {@code JUNK} chunk (RIFF's filler, which readers pass over) of zeros of the same length, and the
 * extended header no longer says it has them.
 */
final class WebpWithoutMetadata extends RewrittenInput {

  private static final int VP8X_EXIF = 0x08;
  private static final int VP8X_XMP = 0x04;
  private static final byte[] JUNK = "JUNK".getBytes(StandardCharsets.ISO_8859_1);

  private boolean started;
  /** The bytes of chunks the RIFF header says follow: past them, the picture has ended. */
  private long left;

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
      // The RIFF size counts from the form type ("WEBP") on.
      left = littleEndian(header, 4) - 4;
      emit(header);
      return true;
    }
    if (left < 8) {
      return false;
    }
    byte[] chunk = readExactly(8);
    if (chunk == null) {
      return false;
    }
    String type = new String(chunk, 0, 4, StandardCharsets.ISO_8859_1);
    long size = littleEndian(chunk, 4);
    long padded = Math.min(size + (size & 1), left - 8);
    left -= 8 + padded;
    if (type.equals("EXIF") || type.equals("XMP ")) {
      System.arraycopy(JUNK, 0, chunk, 0, 4);
      emit(chunk);
      pass(padded, Passing.BLANKED);
      return true;
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
    pass(padded, Passing.AS_THEY_ARE);
    return true;
  }

  private static long littleEndian(byte[] bytes, int at) {
    return Integer.toUnsignedLong((bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16 | (bytes[at + 3] & 0xff) << 24);
  }
}
