package chat.server.file.picture;

import java.io.FilterInputStream;
import java.io.InputStream;

/**
 * An upload's bytes as they are stored and served: a JPEG, PNG or WebP without its metadata (each
 * format's class says what goes), read as the upload streams in; any other file as it came. GIF is
 * left as it is: it has no place for EXIF, and its comments are the sender's own words.
 */
public final class WithoutMetadata extends FilterInputStream {

  private final RewrittenInput rewritten;

  private WithoutMetadata(InputStream in, RewrittenInput rewritten) {
    super(rewritten == null ? in : rewritten);
    this.rewritten = rewritten;
  }

  /** {@code in}, a file whose bytes say it is {@code type}, as it is kept. */
  public static WithoutMetadata of(String type, InputStream in) {
    return new WithoutMetadata(
        in,
        switch (type) {
          case "image/jpeg" -> new JpegWithoutMetadata(in);
          case "image/png" -> new PngWithoutMetadata(in);
          case "image/webp" -> new WebpWithoutMetadata(in);
          default -> null;
        });
  }

  /**
   * How many bytes it gives of a body of {@code declared} bytes (-1: not declared): as many when it
   * takes nothing out, else not known before its end (-1), so that a store never counts on the body's.
   */
  public long length(long declared) {
    return rewritten == null ? declared : -1;
  }

  /** The EXIF orientation the picture had (1, as taken, for none): read once the stream is used up. */
  public int orientation() {
    return rewritten == null ? 1 : rewritten.orientation();
  }

  /** Whether it is a progressive JPEG: known once the stream is used up. */
  public boolean progressive() {
    return rewritten != null && rewritten.progressive();
  }
}
