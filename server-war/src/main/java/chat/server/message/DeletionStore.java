package chat.server.message;

import chat.server.database.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import javax.sql.DataSource;

/** Deleting a message for everyone: who may, and marking it so (history and catch-up skip it). */
@ApplicationScoped
class DeletionStore {

  private static final String DELETABLE =
      """
      SELECT m.sender_id, m.room_id, r.name, c.user_low, low.username, c.user_high, high.username
      FROM message m LEFT JOIN room r ON r.id = m.room_id
        LEFT JOIN conversation c ON c.id = m.conversation_id
        LEFT JOIN account low ON low.id = c.user_low
        LEFT JOIN account high ON high.id = c.user_high
      WHERE m.id = ? AND m.deleted_at IS NULL
      """;

  private static final String DELETE =
      "UPDATE message SET deleted_at = now(), deleted_by = ? WHERE id = ? AND deleted_at IS NULL";

  private DataSource dataSource;

  protected DeletionStore() {}

  @Inject
  DeletionStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A message not deleted yet: who wrote it and who can see it. */
  Optional<Deletable> deletable(long messageId) {
    return Jdbc.withConnection(
        dataSource,
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(DELETABLE)) {
            select.setLong(1, messageId);
            try (ResultSet row = select.executeQuery()) {
              if (!row.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new Deletable(
                      messageId,
                      row.getLong(1),
                      row.getLong(2),
                      row.getString(3),
                      row.getLong(4),
                      row.getString(5),
                      row.getLong(6),
                      row.getString(7)));
            }
          }
        });
  }

  /** Marks a message deleted; false when it already was. */
  boolean delete(long messageId, long deletedBy) {
    return Jdbc.withConnection(
        dataSource,
        connection -> {
          try (PreparedStatement update = connection.prepareStatement(DELETE)) {
            update.setLong(1, deletedBy);
            update.setLong(2, messageId);
            return update.executeUpdate() == 1;
          }
        });
  }
}
