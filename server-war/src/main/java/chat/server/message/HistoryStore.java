package chat.server.message;

import chat.dto.Message;
import chat.dto.User;
import chat.server.database.Jdbc;
import chat.server.database.UserColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Messages as clients see them, and the pages of a room's or a conversation's history. */
@ApplicationScoped
class HistoryStore {

  /**
   * A message as clients see it: its room's name, or for a direct message the recipient's, and the
   * users it mentions (a lookup in the mentions' key, for the few messages that have any).
   */
  static final String COLUMNS =
      """
      SELECT m.id, m.seq, r.name, m.body, m.client_id, m.sent_at, t.username,
        (SELECT array_agg(u.username ORDER BY u.username)
         FROM message_mention mm JOIN account u ON u.id = mm.account_id WHERE mm.message_id = m.id),
        %s
      FROM message m JOIN account a ON a.id = m.sender_id
        LEFT JOIN room r ON r.id = m.room_id
        LEFT JOIN conversation c ON c.id = m.conversation_id
        LEFT JOIN account t ON t.id = CASE WHEN c.user_low = m.sender_id THEN c.user_high ELSE c.user_low END
      """
          .formatted(UserColumns.of("a"));

  /** One destination's live messages as one viewer sees them: without those of users the viewer blocks. */
  private static final String HISTORY =
      COLUMNS
          + """
          WHERE m.%s = ? AND m.deleted_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM block b WHERE b.blocker_id = ? AND b.blocked_id = m.sender_id)
          """;

  private static final String NEWEST_BEFORE =
      "SELECT * FROM (" + HISTORY + " AND m.id < ? ORDER BY m.id DESC LIMIT ?) page ORDER BY 1";

  private static final String OLDEST_AFTER = HISTORY + " AND m.id > ? AND m.id < ? ORDER BY m.id LIMIT ?";

  private static final String OLDEST_AFTER_SEQ = HISTORY + " AND m.seq > ? ORDER BY m.seq LIMIT ?";

  private DataSource dataSource;

  protected HistoryStore() {}

  @Inject
  HistoryStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The newest {@code limit} messages of a destination before {@code before} (exclusive), ascending. */
  List<Message> newest(Destination destination, long viewerId, long before, int limit) {
    return query(history(NEWEST_BEFORE, destination), destinationId(destination), viewerId, before, limit);
  }

  /** The first {@code limit} messages of a destination after {@code after} and before {@code before}. */
  List<Message> oldestAfter(Destination destination, long viewerId, long after, long before, int limit) {
    return query(history(OLDEST_AFTER, destination), destinationId(destination), viewerId, after, before, limit);
  }

  /** The first {@code limit} messages of a destination after the one numbered {@code afterSeq}. */
  List<Message> oldestAfterSeq(Destination destination, long viewerId, long afterSeq, int limit) {
    return query(history(OLDEST_AFTER_SEQ, destination), destinationId(destination), viewerId, afterSeq, limit);
  }

  private static String history(String sql, Destination destination) {
    return sql.formatted(destination.isRoom() ? "room_id" : "conversation_id");
  }

  private static long destinationId(Destination destination) {
    return destination.isRoom() ? destination.roomId() : destination.conversationId();
  }

  private List<Message> query(String sql, long... parameters) {
    return Jdbc.withConnection(
        dataSource,
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
              statement.setLong(i + 1, parameters[i]);
            }
            return read(statement);
          }
        });
  }

  /** Reads the rows of a statement over {@link #COLUMNS}. */
  static List<Message> read(PreparedStatement statement) throws SQLException {
    List<Message> messages = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        User from = UserColumns.read(rows, 9);
        Array mentions = rows.getArray(8);
        messages.add(
            new Message(
                rows.getLong(1),
                rows.getLong(2),
                rows.getString(3),
                rows.getString(7),
                from,
                rows.getString(4),
                rows.getObject(6, OffsetDateTime.class).toInstant(),
                rows.getString(5),
                mentions == null ? null : List.of((String[]) mentions.getArray())));
      }
    }
    return messages;
  }
}
