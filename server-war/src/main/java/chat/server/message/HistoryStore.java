package chat.server.message;

import chat.dto.Message;
import chat.server.database.Jdbc;
import chat.server.database.MessageColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.util.List;
import javax.sql.DataSource;

/** Messages as clients see them, and the pages of a room's or a conversation's history. */
@ApplicationScoped
class HistoryStore {

  /**
   * One destination's messages as one viewer sees them: without those of users the viewer blocks.
   * Parameters: the viewer, the destination, the viewer again.
   */
  private static final String HISTORY =
      MessageColumns.COLUMNS
          + """
          WHERE m.%s = ?
            AND NOT EXISTS (SELECT 1 FROM block b WHERE b.blocker_id = ? AND b.blocked_id = m.sender_id)
          """;

  private static final String LIVE = HISTORY + " AND m.deleted_at IS NULL";

  private static final String NEWEST_BEFORE =
      "SELECT * FROM (" + LIVE + " AND m.id < ? ORDER BY m.id DESC LIMIT ?) page ORDER BY 1";

  private static final String OLDEST_AFTER = LIVE + " AND m.id > ? AND m.id < ? ORDER BY m.id LIMIT ?";

  /** The messages sent after seq N, as they now are, in seq order: a catch-up without the changes. */
  private static final String OLDEST_AFTER_SEQ = LIVE + " AND m.seq > ? ORDER BY m.seq LIMIT ?";

  /**
   * Everything after seq N: the messages sent since and never changed (the seq index), and those
   * changed since, deleted ones included (the changes' index), in the order of the greater of their
   * two numbers. A change always comes after the message, so a changed message's place is its
   * changed_seq, and each branch brings the first of its own in that order.
   */
  private static final String CHANGED_AFTER_SEQ =
      "SELECT * FROM (("
          + LIVE
          + " AND m.seq > ? AND m.changed_seq IS NULL ORDER BY m.seq LIMIT ?) UNION ALL ("
          + HISTORY
          + " AND m.changed_seq > ? ORDER BY m.changed_seq LIMIT ?)) page"
          + " ORDER BY coalesce(page.changed_seq, page.seq) LIMIT ?";

  private DataSource dataSource;

  protected HistoryStore() {}

  @Inject
  HistoryStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The newest {@code limit} messages of a destination before {@code before} (exclusive), ascending. */
  List<Message> newest(Destination destination, long viewerId, long before, int limit) {
    return query(
        history(NEWEST_BEFORE, destination), viewerId, destinationId(destination), viewerId, before, limit);
  }

  /** The first {@code limit} messages of a destination after {@code after} and before {@code before}. */
  List<Message> oldestAfter(Destination destination, long viewerId, long after, long before, int limit) {
    return query(
        history(OLDEST_AFTER, destination), viewerId, destinationId(destination), viewerId, after, before, limit);
  }

  /** The first {@code limit} messages of a destination sent after the one numbered {@code afterSeq}. */
  List<Message> oldestAfterSeq(Destination destination, long viewerId, long afterSeq, int limit) {
    return query(
        history(OLDEST_AFTER_SEQ, destination), viewerId, destinationId(destination), viewerId, afterSeq, limit);
  }

  /**
   * The first {@code limit} numbers of a destination after {@code afterSeq}: messages sent since, and
   * messages changed since as they are now (a deleted one as a tombstone), each once.
   */
  List<Message> changedAfterSeq(Destination destination, long viewerId, long afterSeq, int limit) {
    long channel = destinationId(destination);
    String sql = CHANGED_AFTER_SEQ.formatted(column(destination), column(destination));
    return query(sql, viewerId, channel, viewerId, afterSeq, limit, viewerId, channel, viewerId, afterSeq, limit, limit);
  }

  private static String history(String sql, Destination destination) {
    return sql.formatted(column(destination));
  }

  private static String column(Destination destination) {
    return destination.isRoom() ? "room_id" : "conversation_id";
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
            return MessageColumns.read(statement);
          }
        });
  }

}
