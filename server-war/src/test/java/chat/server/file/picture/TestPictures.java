package chat.server.file.picture;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Pictures as cameras and editors write them, metadata and all, for the tests of what is kept. */
public final class TestPictures {

  /** What every piece of metadata in these pictures says, so a test finds any that is left. */
  public static final String SECRET = "GPS-48.8584N-2.2945E";

  private TestPictures() {}

  public static BufferedImage drawing(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(Color.ORANGE);
    graphics.fillRect(0, 0, width, height);
    graphics.setColor(Color.BLUE);
    graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
    graphics.dispose();
    return image;
  }

  public static byte[] jpeg(BufferedImage image, boolean progressive) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (progressive) {
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
      }
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  public static byte[] png(BufferedImage image) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** A JPEG segment: marker, length, payload. */
  public static byte[] segment(int marker, byte[] payload) {
    return ByteBuffer.allocate(4 + payload.length).put((byte) 0xFF).put((byte) marker).putShort((short) (payload.length + 2)).put(payload).array();
  }

  public static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** An EXIF payload (APP1) with an orientation and a GPS directory holding the secret, in {@code order}. */
  public static byte[] exif(int orientation, ByteOrder order) {
    byte[] secret = ascii(SECRET + "\0");
    ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 2 * 12 + 4 + 2 + 12 + 4 + secret.length).order(order);
    tiff.put(order == ByteOrder.BIG_ENDIAN ? ascii("MM") : ascii("II")).putShort((short) 42).putInt(8);
    int gpsIfd = 8 + 2 + 2 * 12 + 4;
    tiff.putShort((short) 2);
    tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
    tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsIfd);
    tiff.putInt(0);
    int text = gpsIfd + 2 + 12 + 4;
    tiff.putShort((short) 1);
    tiff.putShort((short) 0x001B).putShort((short) 7).putInt(secret.length).putInt(text);
    tiff.putInt(0);
    tiff.put(secret);
    return concat(ascii("Exif\0\0"), tiff.array());
  }

  /** {@code inserted} placed right after a JPEG's start of image. */
  public static byte[] afterStart(byte[] jpeg, byte[]... inserted) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    for (byte[] bytes : inserted) {
      out.writeBytes(bytes);
    }
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** A PNG chunk: length, type, data, CRC. */
  public static byte[] chunk(String type, byte[] data) {
    CRC32 crc = new CRC32();
    crc.update(ascii(type));
    crc.update(data);
    return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(ascii(type)).put(data).putInt((int) crc.getValue()).array();
  }

  /** {@code inserted} chunks placed right after a PNG's header chunk (signature 8 bytes, IHDR 25). */
  public static byte[] afterHeader(byte[] png, byte[]... inserted) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(png, 0, 33);
    for (byte[] bytes : inserted) {
      out.writeBytes(bytes);
    }
    out.write(png, 33, png.length - 33);
    return out.toByteArray();
  }

  /** A PNG whose header claims {@code width} x {@code height} with a few bytes of pixels: a decompression bomb's shape. */
  public static byte[] pngClaiming(int width, int height) {
    ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    return concat(
        new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
        chunk("IHDR", header.array()),
        chunk("IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01}),
        chunk("IEND", new byte[0]));
  }

  /** A JPEG whose frame header claims {@code width} x {@code height}, its data a small picture's. */
  public static byte[] jpegClaiming(int width, int height) {
    byte[] jpeg = jpeg(drawing(16, 16), false);
    for (int i = 2; i + 9 < jpeg.length; i++) {
      if ((jpeg[i] & 0xff) == 0xFF && (jpeg[i + 1] & 0xff) == 0xC0) {
        ByteBuffer.wrap(jpeg, i + 5, 4).putShort((short) height).putShort((short) width);
        return jpeg;
      }
    }
    throw new IllegalStateException("no frame header");
  }

  public static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  public static boolean contains(byte[] bytes, String text) {
    return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
  }
}
