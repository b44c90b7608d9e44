package chat.server.file;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * Where the bytes of files are kept (docs/decisions/0035): the database by default, S3 on AWS. Files'
 * metadata is never here: {@link FileStore} keeps it in PostgreSQL whichever this is.
 */
interface ByteStore {

  /**
   * Stores what {@code in} gives, to its end, as it comes: the key and the size stored. {@code declared}
   * is its length when known before it is read (a request's Content-Length), else -1. A body longer than {@code most} bytes, or
   * one whose reading fails (the client gone), keeps nothing and fails.
   */
  Stored put(InputStream in, long declared, long most) throws IOException;

  /** The bytes stored under {@code key}, read as they are asked for. */
  InputStream open(String key);

  /** Deletes the bytes of {@code key}; none stored is no error. */
  void delete(String key);

  /** Deletes what uploads that never ended left behind, begun longer than {@code ago}. */
  void sweep(Duration ago);

  /** What {@link #put} stored. */
  record Stored(String key, long size) {}

  /** A body past its limit: nothing of it is kept. */
  final class TooLarge extends IOException {
    TooLarge(long most) {
      super("a file is at most " + most + " bytes");
    }
  }
}
