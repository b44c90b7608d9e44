package chat.bots;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Latency histograms in microseconds, and their text form (HdrHistogram's compressed encoding in
 * base64), in which the processes of one run hand theirs over to be merged without losing precision.
 */
final class Histograms {

  /** Up to an hour, three significant digits. */
  static final long HIGHEST_MICROS = 3_600_000_000L;

  private Histograms() {}

  static Histogram empty() {
    return new Histogram(HIGHEST_MICROS, 3);
  }

  static String encode(Histogram histogram) {
    ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
    int length = histogram.encodeIntoCompressedByteBuffer(buffer);
    return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
  }

  static Histogram decode(String text) {
    try {
      return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(text)), HIGHEST_MICROS);
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("not a histogram: " + e.getMessage(), e);
    }
  }

  static double millisAt(Histogram micros, double percentile) {
    return micros.getTotalCount() == 0 ? 0 : micros.getValueAtPercentile(percentile) / 1000.0;
  }
}
