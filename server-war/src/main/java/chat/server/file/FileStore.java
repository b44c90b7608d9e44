package chat.server.file;

import chat.dto.SharedFile;
import chat.server.database.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The SQL of files' metadata (V9's {@code shared_file}) and of the bytes each user uploaded in a day. */
@ApplicationScoped
class FileStore {

  private static final String INSERT =
      """
      INSERT INTO shared_file (owner_id, name, type, size, width, height, store_key, preview_key, orientation)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
      """;

  /**
   * A file with what decides who may fetch it: its uploader, and once it is sent its message's room or
   * conversation, whether the reader is one of that conversation, and whether the message is deleted.
   */
  private static final String HELD =
      """
      SELECT f.id, f.name, f.type, f.size, f.width, f.height, f.store_key, f.preview_key, f.owner_id,
        f.message_id, m.room_id, m.deleted_at IS NOT NULL,
        EXISTS (SELECT 1 FROM conversation c WHERE c.id = m.conversation_id AND ? IN (c.user_low, c.user_high)),
        f.orientation
      FROM shared_file f LEFT JOIN message m ON m.id = f.message_id
      WHERE f.id = ?
      """;

  private static final String SENDABLE =
      """
      SELECT f.id, f.name, f.type, f.size, f.width, f.height, f.orientation FROM shared_file f
      WHERE f.id = ANY(?) AND f.owner_id = ?
        AND (f.message_id IS NULL
          OR f.message_id IN (SELECT m.id FROM message m WHERE m.sender_id = ? AND m.client_id = ?))
      """;

  /** Uploads never sent, oldest first, through the partial index of unsent files. */
  private static final String UNSENT =
      """
      DELETE FROM shared_file WHERE id IN (
        SELECT id FROM shared_file WHERE message_id IS NULL AND uploaded_at < now() - ?::interval
        ORDER BY uploaded_at LIMIT ? FOR UPDATE SKIP LOCKED)
      RETURNING store_key, preview_key
      """;

  /**
   * The files of deleted messages, through the partial index of deleted messages that still carry
   * files: each message's list is cleared as its files go, so it leaves the index.
   */
  private static final String OF_DELETED =
      """
      WITH gone AS (
        UPDATE message SET files = NULL WHERE id IN (
          SELECT id FROM message WHERE deleted_at IS NOT NULL AND files IS NOT NULL LIMIT ? FOR UPDATE SKIP LOCKED)
        RETURNING id)
      DELETE FROM shared_file f USING gone WHERE f.message_id = gone.id
      RETURNING f.store_key, f.preview_key
      """;

  private static final String USED_TODAY =
      "SELECT coalesce(sum(bytes), 0) FROM upload_day WHERE account_id = ? AND day = (now() AT TIME ZONE 'UTC')::date";

  private static final String COUNT =
      """
      INSERT INTO upload_day (account_id, day, bytes) VALUES (?, (now() AT TIME ZONE 'UTC')::date, ?)
      ON CONFLICT (account_id, day) DO UPDATE SET bytes = upload_day.bytes + excluded.bytes
      """;

  /** A stored file, and where it stands: sent in a message of {@code roomId} or a conversation, or not yet. */
  record Held(
      SharedFile file,
      String storeKey,
      String previewKey,
      long ownerId,
      boolean sent,
      Long roomId,
      boolean deleted,
      boolean readerInConversation) {}

  private DataSource dataSource;

  protected FileStore() {}

  @Inject
  FileStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  SharedFile insert(long ownerId, String name, String type, long size, SharedFile.Picture picture, String storeKey, String previewKey) {
    return Jdbc.withConnection(
        dataSource,
        connection -> {
          try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            Jdbc.bind(
                insert,
                ownerId,
                name,
                type,
                size,
                picture == null ? null : picture.width(),
                picture == null ? null : picture.height(),
                storeKey,
                previewKey,
                picture == null ? null : picture.orientation());
            try (ResultSet row = insert.executeQuery()) {
              row.next();
              return new SharedFile(row.getLong(1), name, type, size, picture);
            }
          }
        });
  }

  Optional<Held> held(long fileId, long readerId) {
    return Jdbc.withConnection(
        dataSource,
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(HELD)) {
            select.setLong(1, readerId);
            select.setLong(2, fileId);
            try (ResultSet row = select.executeQuery()) {
              if (!row.next()) {
                return Optional.empty();
              }
              SharedFile file = file(row, 14);
              long roomId = row.getLong(11);
              Long room = row.wasNull() ? null : roomId;
              row.getLong(10);
              boolean sent = !row.wasNull();
              return Optional.of(
                  new Held(file, row.getString(7), row.getString(8), row.getLong(9), sent, room, row.getBoolean(12), row.getBoolean(13)));
            }
          }
        });
  }

  /**
   * Of {@code ids}, those of {@code ownerId}'s not yet sent, or already sent in the message that
   * {@code clientId} keys (a message sent again, which is answered with the one stored): in no order.
   */
  List<SharedFile> sendable(long ownerId, List<Long> ids, String clientId) {
    return Jdbc.withConnection(
        dataSource,
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(SENDABLE)) {
            select.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            select.setLong(2, ownerId);
            select.setLong(3, ownerId);
            select.setString(4, clientId);
            List<SharedFile> found = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
              while (row.next()) {
                found.add(file(row, 7));
              }
            }
            return found;
          }
        });
  }

  /** A file from the first six columns of a row, with its picture's orientation in column {@code orientation}. */
  private static SharedFile file(ResultSet row, int orientation) throws SQLException {
    int width = row.getInt(5);
    SharedFile.Picture picture =
        row.wasNull() ? null : new SharedFile.Picture(width, row.getInt(6), row.getObject(orientation, Integer.class));
    return new SharedFile(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4), picture);
  }

  /** Deletes a file not yet sent, of its uploader's: the keys of its bytes (none when there is no such file). */
  List<String> deleteUnsent(long fileId, long ownerId) {
    return Jdbc.withConnection(
        dataSource,
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement("DELETE FROM shared_file WHERE id = ? AND owner_id = ? AND message_id IS NULL RETURNING store_key, preview_key")) {
            Jdbc.bind(delete, fileId, ownerId);
            return keys(delete);
          }
        });
  }

  /**
   * Deletes up to {@code batch} uploads not sent within {@code unsentFor}: the keys of their bytes.
   * Rows another node is deleting are passed over, so two nodes' cleaners share the work.
   */
  List<String> deleteUnsentFor(Duration unsentFor, int batch) {
    return Jdbc.inTransaction(
        dataSource,
        connection -> {
          try (PreparedStatement delete = connection.prepareStatement(UNSENT)) {
            delete.setString(1, unsentFor.toMillis() + " milliseconds");
            delete.setInt(2, batch);
            return keys(delete);
          }
        });
  }

  /** Deletes the files of up to {@code batch} deleted messages: the keys of their bytes. */
  List<String> deleteOfDeletedMessages(int batch) {
    return Jdbc.inTransaction(
        dataSource,
        connection -> {
          try (PreparedStatement delete = connection.prepareStatement(OF_DELETED)) {
            delete.setInt(1, batch);
            return keys(delete);
          }
        });
  }

  /** The keys of the bytes of the files a {@code DELETE ... RETURNING store_key, preview_key} deleted. */
  private static List<String> keys(PreparedStatement delete) throws SQLException {
    List<String> keys = new ArrayList<>();
    try (ResultSet row = delete.executeQuery()) {
      while (row.next()) {
        keys.add(row.getString(1));
        if (row.getString(2) != null) {
          keys.add(row.getString(2));
        }
      }
    }
    return keys;
  }

  /** The bytes {@code accountId} uploaded today (UTC). */
  long usedToday(long accountId) {
    return Jdbc.withConnection(
        dataSource,
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(USED_TODAY)) {
            select.setLong(1, accountId);
            try (ResultSet row = select.executeQuery()) {
              row.next();
              return row.getLong(1);
            }
          }
        });
  }

  /** Counts {@code bytes} more to what {@code accountId} uploaded today. */
  void count(long accountId, long bytes) {
    Jdbc.withConnection(
        dataSource,
        connection -> {
          Jdbc.update(connection, COUNT, accountId, bytes);
          return null;
        });
  }
}
