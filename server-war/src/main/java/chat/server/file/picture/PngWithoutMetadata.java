package chat.server.file.picture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * A PNG without its text chunks (where writers put the author, the software, comments and XMP), its
 * EXIF chunk and its time stamp; every other chunk, its pixels' included, passed on as it is, and
 * nothing after its end.
 */
final class PngWithoutMetadata extends RewrittenInput {

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final Set<String> LEFT_OUT = Set.of("tEXt", "zTXt", "iTXt", "eXIf", "tIME");

  private boolean started;

  PngWithoutMetadata(InputStream in) {
    super(in);
  }

  @Override
  boolean next() throws IOException {
    if (!started) {
      started = true;
      byte[] signature = readExactly(SIGNATURE.length);
      if (signature == null || !Arrays.equals(signature, SIGNATURE)) {
        return false;
      }
      emit(signature);
      return true;
    }
    byte[] header = readExactly(8);
    if (header == null) {
      return false;
    }
    long length = Integer.toUnsignedLong((header[0] & 0xff) << 24 | (header[1] & 0xff) << 16 | (header[2] & 0xff) << 8 | (header[3] & 0xff));
    String type = new String(header, 4, 4, StandardCharsets.ISO_8859_1);
    // The chunk's data and its CRC, read a piece at a time however long the chunk claims to be.
    long rest = length + 4;
    if (LEFT_OUT.contains(type)) {
      pass(rest, Passing.LEFT_OUT);
      return true;
    }
    emit(header);
    if (type.equals("IEND")) {
      passLast(rest, Passing.AS_THEY_ARE);
    } else {
      pass(rest, Passing.AS_THEY_ARE);
    }
    return true;
  }
}
