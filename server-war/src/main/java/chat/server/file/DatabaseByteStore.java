package chat.server.file;

import chat.server.database.Jdbc;
import java.io.IOException;
import java.io.InputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import javax.sql.DataSource;

/**
 * Files' bytes in PostgreSQL (V9's {@code file_blob} and {@code file_chunk}), the default store: every
 * node reaches it, with nothing more to run (docs/decisions/0035). A chunk is written, and read, in a
 * statement of its own, so that a slow upload or download holds a connection of the pool only while a
 * chunk goes in or out, never for the whole transfer.
 */
final class DatabaseByteStore implements ByteStore {

  /** The bytes of one row: a few reads of the network's, and a bound on what one request holds in memory. */
  static final int CHUNK_BYTES = 256 * 1024;

  private final DataSource dataSource;

  DatabaseByteStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Stored put(InputStream in, long most) throws IOException {
    long blob = newBlob();
    try {
      byte[] chunk = new byte[CHUNK_BYTES];
      long size = 0;
      int part = 0;
      int filled;
      do {
        // Fewer bytes than asked for only at the end of the body.
        filled = in.readNBytes(chunk, 0, CHUNK_BYTES);
        size += filled;
        if (size > most) {
          throw new TooLarge(most);
        }
        if (filled > 0) {
          write(blob, part++, filled == CHUNK_BYTES ? chunk : Arrays.copyOf(chunk, filled));
        }
      } while (filled == CHUNK_BYTES);
      int completed = Jdbc.withConnection(dataSource, connection -> Jdbc.update(connection, "UPDATE file_blob SET complete = true WHERE id = ?", blob));
      if (completed != 1) {
        // The cleaner took it for an upload left behind: its chunks are gone with it.
        throw new IOException("the blob of an upload was swept before its end");
      }
      return new Stored(Long.toString(blob), size);
    } catch (IOException | RuntimeException e) {
      try {
        delete(Long.toString(blob));
      } catch (RuntimeException cleanup) {
        // The cleaner deletes a blob left incomplete.
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  private long newBlob() {
    return Jdbc.withConnection(
        dataSource,
        connection -> {
          try (PreparedStatement insert = connection.prepareStatement("INSERT INTO file_blob DEFAULT VALUES RETURNING id");
              ResultSet row = insert.executeQuery()) {
            row.next();
            return row.getLong(1);
          }
        });
  }

  private void write(long blob, int part, byte[] bytes) {
    Jdbc.withConnection(dataSource, connection -> {
      Jdbc.update(connection, "INSERT INTO file_chunk (blob_id, part, bytes) VALUES (?, ?, ?)", blob, part, bytes);
      return null;
    });
  }

  @Override
  public InputStream open(String key) {
    return new Chunks(Long.parseLong(key));
  }

  @Override
  public void delete(String key) {
    Jdbc.withConnection(dataSource, connection -> {
      Jdbc.update(connection, "DELETE FROM file_blob WHERE id = ?", Long.parseLong(key));
      return null;
    });
  }

  /**
   * A blob left incomplete: its upload's node stopped before it could delete it. One completed whose
   * file row never came (the node stopped between the two) stays: nothing reads it, and it is rare.
   */
  @Override
  public void sweep(Duration ago) {
    Jdbc.withConnection(dataSource, connection -> {
      Jdbc.update(
          connection, "DELETE FROM file_blob WHERE NOT complete AND created_at < now() - ?::interval", ago.toMillis() + " milliseconds");
      return null;
    });
  }

  /** A blob's chunks in order, each read when the one before is used up. */
  private final class Chunks extends InputStream {
    private final long blob;
    private int next;
    private byte[] chunk = new byte[0];
    private int at;
    private boolean ended;

    Chunks(long blob) {
      this.blob = blob;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
      if (length == 0) {
        return 0;
      }
      while (at == chunk.length) {
        if (ended || !fetch()) {
          return -1;
        }
      }
      int count = Math.min(length, chunk.length - at);
      System.arraycopy(chunk, at, into, offset, count);
      at += count;
      return count;
    }

    private boolean fetch() {
      byte[] read =
          Jdbc.withConnection(
              dataSource,
              connection -> {
                try (PreparedStatement select = connection.prepareStatement("SELECT bytes FROM file_chunk WHERE blob_id = ? AND part = ?")) {
                  select.setLong(1, blob);
                  select.setInt(2, next);
                  try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? rows.getBytes(1) : null;
                  }
                }
              });
      if (read == null) {
        ended = true;
        return false;
      }
      next++;
      chunk = read;
      at = 0;
      return true;
    }
  }
}
