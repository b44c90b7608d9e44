package chat.server.file.picture;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

/**
 * A picture read for its size and its thumbnail. The size comes from its header; a picture larger
 * than the limit is never decoded (a few kilobytes can claim a billion pixels). One within it is
 * decoded subsampled, every n-th pixel of every n-th row, to about twice the thumbnail's size, so the
 * memory a decode takes does not grow with the picture; Thumbnailator then scales and turns it.
 */
final class Thumbnail {

  /** The longer side of a thumbnail, in pixels (docs/protocol.md, "Files"). */
  static final int EDGE = 320;

  private static final float QUALITY = 0.85f;

  private final String type;
  private final int orientation;
  private final long mostPixels;
  private volatile ImageReader reader;
  private volatile boolean aborted;

  /** A read of a picture of {@code type}, turned by {@code orientation}, of at most {@code mostPixels}. */
  Thumbnail(String type, int orientation, long mostPixels) {
    this.type = type;
    this.orientation = orientation;
    this.mostPixels = mostPixels;
  }

  /** Asks the read to stop: the reader checks it as it goes (a row, a scan), and the read then gives none. */
  void abort() {
    aborted = true;
    ImageReader reading = reader;
    if (reading != null) {
      reading.abort();
    }
  }

  /** The picture in {@code in}, or none when it does not read, is past the limit, or was aborted. */
  Optional<PictureRead> read(InputStream in) throws IOException {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
    if (!readers.hasNext()) {
      return Optional.empty();
    }
    ImageReader reader = readers.next();
    this.reader = reader;
    if (aborted) {
      reader.abort();
    }
    try (ImageInputStream picture = new MemoryCacheImageInputStream(in)) {
      reader.setInput(picture, true, true);
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      if (width <= 0 || height <= 0 || (long) width * height > mostPixels) {
        return Optional.empty();
      }
      ImageReadParam subsampled = reader.getDefaultReadParam();
      int step = Math.max(1, Math.max(width, height) / (2 * EDGE));
      subsampled.setSourceSubsampling(step, step, 0, 0);
      BufferedImage decoded = reader.read(0, subsampled);
      if (aborted) {
        return Optional.empty();
      }
      // A picture smaller than a thumbnail stays its size: made larger it would only blur.
      int edge = Math.min(EDGE, Math.max(decoded.getWidth(), decoded.getHeight()));
      BufferedImage scaled =
          Thumbnails.of(decoded)
              .size(edge, edge)
              .addFilter(ExifFilterUtils.getFilterForOrientation(Orientation.typeOf(orientation)))
              .asBufferedImage();
      ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
      Thumbnails.of(onWhite(scaled)).scale(1).outputFormat("jpg").outputQuality(QUALITY).toOutputStream(jpeg);
      boolean turned = orientation >= 5;
      return Optional.of(new PictureRead(turned ? height : width, turned ? width : height, jpeg.toByteArray()));
    } finally {
      reader.dispose();
    }
  }

  /** JPEG has no transparency: a picture's transparent parts become white, as a chat's background is. */
  private static BufferedImage onWhite(BufferedImage image) {
    BufferedImage opaque = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = opaque.createGraphics();
    try {
      graphics.setColor(Color.WHITE);
      graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
      graphics.drawImage(image, 0, 0, null);
    } finally {
      graphics.dispose();
    }
    return opaque;
  }
}
