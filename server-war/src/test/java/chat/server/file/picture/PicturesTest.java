package chat.server.file.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PicturesTest {

  private final Pictures pictures = new Pictures(50_000_000, 1, 8);

  @AfterEach
  void stop() {
    pictures.stop();
  }

  @Test
  void aLargePictureGetsItsSizeAndAThumbnailOfAtMost320PixelsOnItsLongerSide() {
    PictureRead read = read("image/png", TestPictures.png(TestPictures.drawing(2000, 1000))).orElseThrow();
    assertEquals(2000, read.width());
    assertEquals(1000, read.height());
    BufferedImage thumbnail = decoded(read.thumbnail());
    assertEquals(320, thumbnail.getWidth());
    assertEquals(160, thumbnail.getHeight());
  }

  @Test
  void aPortraitPhotoTakenSidewaysIsShownAndThumbnailedUpright() {
    byte[] sideways =
        TestPictures.afterStart(
            TestPictures.jpeg(TestPictures.drawing(400, 200), false), TestPictures.segment(0xE1, TestPictures.exif(6, ByteOrder.BIG_ENDIAN)));
    PictureRead read = read("image/jpeg", sideways).orElseThrow();
    assertEquals(200, read.width(), "the size as shown");
    assertEquals(400, read.height());
    BufferedImage thumbnail = decoded(read.thumbnail());
    assertEquals(160, thumbnail.getWidth());
    assertEquals(320, thumbnail.getHeight());
  }

  @Test
  void aSmallPictureIsNotMadeLarger() {
    BufferedImage thumbnail = decoded(read("image/gif", gif(TestPictures.drawing(50, 40))).orElseThrow().thumbnail());
    assertEquals(50, thumbnail.getWidth());
    assertEquals(40, thumbnail.getHeight());
  }

  @Test
  void aPictureClaimingMorePixelsThanTheLimitIsNeverDecoded() {
    assertEquals(Optional.empty(), read("image/png", TestPictures.pngClaiming(60_000, 60_000)));
    assertEquals(Optional.empty(), read("image/jpeg", TestPictures.jpegClaiming(65_000, 65_000)));
    assertTrue(read("image/png", TestPictures.pngClaiming(7_000, 7_000)).isEmpty(), "within the limit, but its pixels do not read");
  }

  @Test
  void bytesThatDoNotReadAsTheirTypeAreNoPicture() {
    assertEquals(Optional.empty(), read("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00}));
    assertEquals(Optional.empty(), read("application/pdf", TestPictures.png(TestPictures.drawing(10, 10))));
  }

  @Test
  void aProgressiveJpegMayHaveAQuarterOfThePixels() {
    Pictures small = new Pictures(200_000, 1, 8);
    try {
      BufferedImage drawing = TestPictures.drawing(400, 300);
      assertTrue(read(small, "image/jpeg", TestPictures.jpeg(drawing, false)).isPresent(), "120,000 pixels in one scan");
      assertEquals(Optional.empty(), read(small, "image/jpeg", TestPictures.jpeg(drawing, true)), "in many, past a quarter of the limit");
    } finally {
      small.stop();
    }
  }

  private Optional<PictureRead> read(String type, byte[] bytes) {
    return read(pictures, type, bytes);
  }

  /** The picture as an upload stores it, then read as the upload reads it. */
  private static Optional<PictureRead> read(Pictures pictures, String type, byte[] bytes) {
    try (WithoutMetadata kept = WithoutMetadata.of(type, new ByteArrayInputStream(bytes))) {
      byte[] stored = kept.readAllBytes();
      return pictures.read(type, () -> new ByteArrayInputStream(stored), kept);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] gif(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "gif", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static BufferedImage decoded(byte[] jpeg) {
    try {
      assertEquals((byte) 0xFF, jpeg[0]);
      assertEquals((byte) 0xD8, jpeg[1], "a JPEG");
      return ImageIO.read(new ByteArrayInputStream(jpeg));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
