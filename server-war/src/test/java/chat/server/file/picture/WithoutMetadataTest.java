package chat.server.file.picture;

import static chat.server.file.picture.TestPictures.SECRET;
import static chat.server.file.picture.TestPictures.ascii;
import static chat.server.file.picture.TestPictures.chunk;
import static chat.server.file.picture.TestPictures.concat;
import static chat.server.file.picture.TestPictures.contains;
import static chat.server.file.picture.TestPictures.segment;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class WithoutMetadataTest {

  private static final BufferedImage DRAWING = TestPictures.drawing(120, 80);

  @Test
  void aJpegLosesItsExifXmpIptcCommentsAndWhatFollowsItsEndButKeepsItsPixelsAndOrientation() {
    byte[] taken = TestPictures.jpeg(DRAWING, false);
    byte[] uploaded =
        concat(
            TestPictures.afterStart(
                taken,
                segment(0xE1, TestPictures.exif(6, ByteOrder.LITTLE_ENDIAN)),
                segment(0xE1, ascii("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>" + SECRET + "</x:xmpmeta>")),
                segment(0xED, ascii("Photoshop 3.0\0" + SECRET)),
                segment(0xFE, ascii(SECRET))),
            // A multi-picture file's second picture, with EXIF of its own.
            TestPictures.afterStart(taken, segment(0xE1, TestPictures.exif(1, ByteOrder.BIG_ENDIAN))));
    assertTrue(contains(uploaded, SECRET));

    Kept kept = kept("image/jpeg", uploaded);

    assertFalse(contains(kept.bytes, SECRET), "no metadata left");
    assertFalse(contains(kept.bytes, "Photoshop"));
    assertEquals(6, kept.orientation);
    assertEquals(6, ExifOrientation.of(payloadOfFirst(0xE1, kept.bytes)), "the orientation is written again, alone");
    assertEquals(taken.length + ExifOrientation.segment(6).length, kept.bytes.length, "the first picture, and one segment of 36 bytes");
    assertSamePixels(taken, kept.bytes);
  }

  @Test
  void segmentsBetweenTheScansOfAProgressiveJpegFollowTheSameRules() {
    byte[] taken = TestPictures.jpeg(DRAWING, true);
    int secondScan = indexOfMarker(taken, 0xDA, 2);
    byte[] uploaded =
        concat(
            Arrays.copyOfRange(taken, 0, secondScan),
            segment(0xFE, ascii(SECRET)),
            Arrays.copyOfRange(taken, secondScan, taken.length));

    Kept kept = kept("image/jpeg", uploaded);

    assertFalse(contains(kept.bytes, SECRET));
    assertArrayEquals(taken, kept.bytes, "nothing else changed");
    assertEquals(1, kept.orientation);
  }

  @Test
  void aPngLosesItsTextExifAndTimeChunksAndWhatFollowsItsEnd() {
    byte[] drawn = TestPictures.png(DRAWING);
    byte[] uploaded =
        concat(
            TestPictures.afterHeader(
                drawn,
                chunk("tEXt", ascii("Comment\0" + SECRET)),
                chunk("iTXt", ascii("XML:com.adobe.xmp\0\0\0\0\0" + SECRET)),
                chunk("zTXt", ascii("Author\0\0" + SECRET)),
                chunk("eXIf", TestPictures.exif(1, ByteOrder.BIG_ENDIAN)),
                chunk("tIME", new byte[] {0x07, (byte) 0xEA, 12, 8, 1, 2, 3}),
                chunk("pHYs", new byte[] {0, 0, 0x0B, 0x13, 0, 0, 0x0B, 0x13, 1})),
            ascii(SECRET));

    Kept kept = kept("image/png", uploaded);

    assertFalse(contains(kept.bytes, SECRET));
    assertFalse(contains(kept.bytes, "tIME"));
    assertTrue(contains(kept.bytes, "pHYs"), "what the pixels need stays");
    assertSamePixels(drawn, kept.bytes);
  }

  @Test
  void aWebpsExifAndXmpAreBlankedInPlaceAndItsHeaderNoLongerClaimsThem() {
    byte[] flags = new byte[10];
    flags[0] = 0x08 | 0x04 | 0x10;
    byte[] secret = ascii(SECRET + "!");
    byte[] body =
        concat(
            ascii("WEBP"),
            riffChunk("VP8X", flags),
            riffChunk("VP8L", new byte[] {0x2F, 0, 0, 0, 0}),
            riffChunk("EXIF", secret),
            riffChunk("XMP ", secret));
    byte[] uploaded = concat(ascii("RIFF"), ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(body.length).array(), body);

    Kept kept = kept("image/webp", uploaded);

    assertEquals(uploaded.length, kept.bytes.length, "the size at its start still holds");
    assertFalse(contains(kept.bytes, SECRET));
    assertFalse(contains(kept.bytes, "EXIF"));
    assertTrue(contains(kept.bytes, "JUNK"));
    assertEquals(0x10, kept.bytes[20], "alpha still said, EXIF and XMP no longer");
  }

  @Test
  void aLongChunkIsPassedOnAsItComesNeverHeldWhole() throws IOException {
    byte[] start = TestPictures.afterHeader(TestPictures.png(TestPictures.drawing(8, 8)));
    byte[] head = concat(Arrays.copyOf(start, 33), ByteBuffer.allocate(8).putInt(Integer.MAX_VALUE).put(ascii("IDAT")).array());
    // The chunk's bytes come, then the upload breaks off: what came before is out already.
    InputStream upload = new SequenceInputStream(new ByteArrayInputStream(head), new BreaksOffAfter(1 << 20));
    try (WithoutMetadata in = WithoutMetadata.of("image/png", upload)) {
      byte[] buffer = new byte[64 * 1024];
      long passed = 0;
      try {
        int read;
        while ((read = in.read(buffer)) >= 0) {
          passed += read;
        }
      } catch (IOException brokeOff) {
        // Expected: what matters is what was passed on before.
      }
      assertTrue(passed > 512 * 1024, "passed on as it came: " + passed);
    }
  }

  @Test
  void aJpegKeepsJfifsHeaderButNotItsThumbnail() {
    byte[] taken = TestPictures.jpeg(DRAWING, false);
    // JFIF with a 2 x 1 thumbnail of 6 bytes, in place of the writer's own APP0.
    int app0Length = (taken[4] & 0xff) << 8 | (taken[5] & 0xff);
    byte[] withoutApp0 = concat(Arrays.copyOf(taken, 2), Arrays.copyOfRange(taken, 4 + app0Length, taken.length));
    byte[] jfif = concat(ascii("JFIF\0"), new byte[] {1, 2, 0, 0, 1, 0, 1, 2, 1}, ascii("SECRET"));
    byte[] uploaded = TestPictures.afterStart(withoutApp0, segment(0xE0, jfif), segment(0xE0, ascii("JFXX\0\u0010" + SECRET)));

    Kept kept = kept("image/jpeg", uploaded);

    assertFalse(contains(kept.bytes, "SECRET"));
    assertFalse(contains(kept.bytes, "JFXX"));
    assertTrue(contains(kept.bytes, "JFIF"));
    assertSamePixels(taken, kept.bytes);
  }

  @Test
  void whatFollowsAWebpsEndIsLeftOut() {
    byte[] body = concat(ascii("WEBP"), riffChunk("VP8L", new byte[] {0x2F, 0, 0, 0, 0}));
    byte[] picture = concat(ascii("RIFF"), ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(body.length).array(), body);
    byte[] uploaded = concat(picture, riffChunk("EXIF", ascii(SECRET)));
    assertArrayEquals(picture, kept("image/webp", uploaded).bytes);
  }

  /** Zeros, then a failed read, as a connection that drops. */
  private static final class BreaksOffAfter extends InputStream {
    private long left;

    BreaksOffAfter(long count) {
      left = count;
    }

    @Override
    public int read() throws IOException {
      if (left-- <= 0) {
        throw new IOException("the connection dropped");
      }
      return 0;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
      if (left <= 0) {
        throw new IOException("the connection dropped");
      }
      int count = (int) Math.min(length, left);
      Arrays.fill(into, offset, offset + count, (byte) 0);
      left -= count;
      return count;
    }
  }

  @Test
  void otherFilesAndGifsAreKeptAsTheyCame() {
    byte[] text = ascii("notes, " + SECRET);
    assertArrayEquals(text, kept("text/plain", text).bytes);
    byte[] gif = concat(ascii("GIF89a"), ascii(SECRET));
    assertArrayEquals(gif, kept("image/gif", gif).bytes);
  }

  @Test
  void aBrokenJpegKeepsWhatReadsAndEnds() {
    byte[] taken = TestPictures.jpeg(DRAWING, false);
    byte[] cut = Arrays.copyOf(taken, taken.length / 2);
    Kept kept = kept("image/jpeg", cut);
    assertArrayEquals(cut, kept.bytes, "a picture cut short is kept as far as it goes");
    assertEquals(0, kept("image/jpeg", ascii("not a jpeg")).bytes.length);
  }

  private record Kept(byte[] bytes, int orientation) {}

  private static Kept kept(String type, byte[] uploaded) {
    try (WithoutMetadata in = WithoutMetadata.of(type, new ByteArrayInputStream(uploaded))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      // Small reads, as a store's are not: the pieces must join up whatever size is asked for.
      byte[] buffer = new byte[7];
      int read;
      while ((read = in.read(buffer)) >= 0) {
        out.write(buffer, 0, read);
      }
      return new Kept(out.toByteArray(), in.orientation());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] riffChunk(String type, byte[] data) {
    byte[] padded = Arrays.copyOf(data, data.length + (data.length & 1));
    return concat(ascii(type), ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(data.length).array(), padded);
  }

  private static int indexOfMarker(byte[] jpeg, int marker, int nth) {
    int seen = 0;
    for (int i = 0; i + 1 < jpeg.length; i++) {
      if ((jpeg[i] & 0xff) == 0xFF && (jpeg[i + 1] & 0xff) == marker && ++seen == nth) {
        return i;
      }
    }
    throw new IllegalStateException("no marker " + marker);
  }

  private static byte[] payloadOfFirst(int marker, byte[] jpeg) {
    int at = indexOfMarker(jpeg, marker, 1);
    int length = (jpeg[at + 2] & 0xff) << 8 | (jpeg[at + 3] & 0xff);
    return Arrays.copyOfRange(jpeg, at + 4, at + 2 + length);
  }

  private static void assertSamePixels(byte[] expected, byte[] actual) {
    try {
      BufferedImage want = ImageIO.read(new ByteArrayInputStream(expected));
      BufferedImage got = ImageIO.read(new ByteArrayInputStream(actual));
      assertEquals(want.getWidth(), got.getWidth());
      assertEquals(want.getHeight(), got.getHeight());
      for (int y = 0; y < want.getHeight(); y++) {
        for (int x = 0; x < want.getWidth(); x++) {
          assertEquals(want.getRGB(x, y), got.getRGB(x, y), "pixel " + x + "," + y);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
