package chat.server.file.picture;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The one tag of EXIF a stored picture keeps, its orientation (TIFF tag 0x0112, 1 to 8): read from an
 * APP1 segment's payload, and written as an APP1 segment of its own that holds nothing else.
 */
final class ExifOrientation {

  private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
  private static final int TAG = 0x0112;
  private static final int SHORT = 3;

  private ExifOrientation() {}

  /** The orientation an APP1 payload gives, or 1 (as taken) for none, another APP1, or one that does not read. */
  static int of(byte[] payload) {
    if (payload.length < EXIF.length + 8 || !Arrays.equals(payload, 0, EXIF.length, EXIF, 0, EXIF.length)) {
      return 1;
    }
    ByteBuffer tiff = ByteBuffer.wrap(payload, EXIF.length, payload.length - EXIF.length).slice();
    if (tiff.get(0) == 'I' && tiff.get(1) == 'I') {
      tiff.order(ByteOrder.LITTLE_ENDIAN);
    } else if (tiff.get(0) != 'M' || tiff.get(1) != 'M') {
      return 1;
    }
    long ifd = Integer.toUnsignedLong(tiff.getInt(4));
    if (ifd + 2 > tiff.limit()) {
      return 1;
    }
    int entries = Short.toUnsignedInt(tiff.getShort((int) ifd));
    for (int i = 0; i < entries; i++) {
      long at = ifd + 2 + 12L * i;
      if (at + 12 > tiff.limit()) {
        return 1;
      }
      int entry = (int) at;
      if (Short.toUnsignedInt(tiff.getShort(entry)) == TAG && Short.toUnsignedInt(tiff.getShort(entry + 2)) == SHORT) {
        int value = Short.toUnsignedInt(tiff.getShort(entry + 8));
        return value >= 1 && value <= 8 ? value : 1;
      }
    }
    return 1;
  }

  /** An APP1 segment, marker included, whose EXIF holds {@code orientation} alone. */
  static byte[] segment(int orientation) {
    ByteBuffer segment = ByteBuffer.allocate(36).order(ByteOrder.BIG_ENDIAN);
    segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) 34).put(EXIF);
    segment.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
    segment.putShort((short) 1).putShort((short) TAG).putShort((short) SHORT).putInt(1);
    segment.putShort((short) orientation).putShort((short) 0).putInt(0);
    return segment.array();
  }
}
