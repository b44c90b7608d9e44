package chat.server.file.picture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * A JPEG without what tells about its taker: EXIF (with its GPS position and the camera), XMP,
 * Photoshop's IPTC, comments, JFIF's thumbnails, and the pictures that follow its end (a multi-picture
 * file's others, each with EXIF of its own). Kept: every segment its pixels need, the colour profile,
 * Adobe's colour marker, JFIF's header, and of EXIF only the orientation, rewritten as an EXIF of one
 * tag, so a portrait photo stays upright. The compressed data is passed on untouched, its markers read so that segments between the
 * scans of a progressive JPEG follow the same rules.
 */
final class JpegWithoutMetadata extends RewrittenInput {

  private static final int SOS = 0xDA;
  private static final int EOI = 0xD9;
  private static final int APP0 = 0xE0;
  private static final int APP1 = 0xE1;
  private static final int APP2 = 0xE2;
  private static final int APP14 = 0xEE;
  private static final int APP15 = 0xEF;
  private static final int COM = 0xFE;
  private static final byte[] ICC = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] ADOBE = "Adobe".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] JFIF = "JFIF\0".getBytes(StandardCharsets.ISO_8859_1);
  /** JFIF's fixed fields: its name, version, density and the size of a thumbnail (here always none). */
  private static final int JFIF_HEADER = 14;
  /** The frames not read in one sequential scan: progressive, lossless and hierarchical (SOF2, 3, 5-7, 10, 11, 13-15). */
  private static final Set<Integer> MANY_SCANS = Set.of(0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF);

  private enum State { START, SEGMENTS, SCAN }

  private State state = State.START;
  private int orientation = 1;
  private boolean progressive;

  JpegWithoutMetadata(InputStream in) {
    super(in);
  }

  @Override
  int orientation() {
    return orientation;
  }

  @Override
  boolean progressive() {
    return progressive;
  }

  @Override
  boolean next() throws IOException {
    return switch (state) {
      case START -> start();
      case SEGMENTS -> segment(markerCode());
      case SCAN -> scan();
    };
  }

  private boolean start() throws IOException {
    byte[] soi = readExactly(2);
    if (soi == null || (soi[0] & 0xff) != 0xFF || (soi[1] & 0xff) != 0xD8) {
      // Not a JPEG after all: nothing is kept of what cannot be read by these rules.
      return false;
    }
    emit(soi);
    state = State.SEGMENTS;
    return true;
  }

  /** The code of the marker that comes next, past any fill bytes; -1 at the end or where none is. */
  private int markerCode() throws IOException {
    if (in.read() != 0xFF) {
      return -1;
    }
    int code;
    do {
      code = in.read();
    } while (code == 0xFF);
    return code;
  }

  private boolean segment(int code) throws IOException {
    if (code < 0) {
      return false;
    }
    if (code == EOI) {
      emit(0xFF, EOI);
      return false;
    }
    if (code == 0x01 || (code >= 0xD0 && code <= 0xD7)) {
      emit(0xFF, code);
      return true;
    }
    byte[] length = readExactly(2);
    if (length == null) {
      return false;
    }
    int size = ((length[0] & 0xff) << 8 | (length[1] & 0xff)) - 2;
    if (size < 0) {
      return false;
    }
    byte[] payload = readExactly(size);
    if (payload == null) {
      return false;
    }
    if (code == APP1 && orientation == 1) {
      orientation = ExifOrientation.of(payload);
      if (orientation != 1) {
        emit(ExifOrientation.segment(orientation));
      }
    }
    if (code == APP0 && startsWith(payload, JFIF) && payload.length >= JFIF_HEADER) {
      // The header alone: a JFIF thumbnail may show the picture as it was before it was cropped.
      byte[] header = Arrays.copyOf(payload, JFIF_HEADER);
      header[12] = 0;
      header[13] = 0;
      emit(0xFF, APP0, 0, JFIF_HEADER + 2);
      emit(header);
    } else if (kept(code, payload)) {
      emit(0xFF, code);
      emit(length);
      emit(payload);
    }
    if (code == SOS) {
      state = State.SCAN;
    }
    if (MANY_SCANS.contains(code)) {
      progressive = true;
    }
    return true;
  }

  private static boolean kept(int code, byte[] payload) {
    if (code == APP2) {
      return startsWith(payload, ICC);
    }
    if (code == APP14) {
      return startsWith(payload, ADOBE);
    }
    return !(code >= APP0 && code <= APP15) && code != COM;
  }

  /**
   * Compressed data up to the next marker, as it is: a 0xFF in it is followed by a stuffed zero or a
   * restart marker; any other code is the next segment's.
   */
  private boolean scan() throws IOException {
    byte[] piece = new byte[PIECE];
    int filled = 0;
    while (filled < PIECE - 1) {
      int b = in.read();
      if (b < 0) {
        emit(piece, 0, filled);
        return false;
      }
      if (b != 0xFF) {
        piece[filled++] = (byte) b;
        continue;
      }
      int code;
      do {
        code = in.read();
      } while (code == 0xFF);
      if (code < 0) {
        piece[filled++] = (byte) 0xFF;
        emit(piece, 0, filled);
        return false;
      }
      if (code == 0x00 || (code >= 0xD0 && code <= 0xD7)) {
        piece[filled++] = (byte) 0xFF;
        piece[filled++] = (byte) code;
        continue;
      }
      emit(piece, 0, filled);
      state = State.SEGMENTS;
      return segment(code);
    }
    emit(piece, 0, filled);
    return true;
  }

  private static boolean startsWith(byte[] bytes, byte[] start) {
    return bytes.length >= start.length && Arrays.equals(bytes, 0, start.length, start, 0, start.length);
  }
}
