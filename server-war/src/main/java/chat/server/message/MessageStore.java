package chat.server.message;

import chat.dto.Message;
import chat.dto.Role;
import chat.dto.User;
import chat.server.database.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The SQL of messages. Plain JDBC rather than JPA here: a batch goes in as one statement over arrays,
 * and history is one indexed range scan; neither needs entities (docs/decisions/0003).
 */
@ApplicationScoped
public class MessageStore {

  /**
   * Locks the batch's rooms and conversations first, so that on every node id order within a destination is
   * commit order: a writer that drew smaller ids has committed before another may draw larger ones.
   */
  private static final String LOCK_ROOMS =
      "SELECT id FROM room WHERE id = ANY(?) ORDER BY id FOR NO KEY UPDATE";

  private static final String LOCK_CONVERSATIONS =
      "SELECT id FROM conversation WHERE id = ANY(?) ORDER BY id FOR NO KEY UPDATE";

  /** Rows go in in the batch's order, so their ids ascend in that order; repeats are skipped. */
  private static final String INSERT =
      """
      INSERT INTO message (room_id, conversation_id, sender_id, body, client_id, sent_at)
      SELECT room_id, conversation_id, sender_id, body, client_id, ?::timestamptz FROM
        unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::text[]) WITH ORDINALITY
          AS batch(room_id, conversation_id, sender_id, body, client_id, position)
      ORDER BY position
      ON CONFLICT (sender_id, client_id) WHERE client_id IS NOT NULL DO NOTHING
      RETURNING id, sender_id, client_id
      """;

  /** A message as clients see it: its room's name, or for a direct message the recipient's. */
  private static final String COLUMNS =
      """
      SELECT m.id, r.name, m.body, m.client_id, m.sent_at, a.id, a.username, a.role, t.username
      FROM message m JOIN account a ON a.id = m.sender_id
        LEFT JOIN room r ON r.id = m.room_id
        LEFT JOIN conversation c ON c.id = m.conversation_id
        LEFT JOIN account t ON t.id = CASE WHEN c.user_low = m.sender_id THEN c.user_high ELSE c.user_low END
      """;

  private static final String ORIGINALS =
      COLUMNS + "WHERE (m.sender_id, m.client_id) IN (SELECT * FROM unnest(?::bigint[], ?::text[]))";

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

  private static final String CONVERSATION =
      "SELECT id FROM conversation WHERE user_low = least(?, ?) AND user_high = greatest(?, ?)";

  private static final String NEW_CONVERSATION =
      "INSERT INTO conversation (user_low, user_high) VALUES (least(?, ?), greatest(?, ?)) ON CONFLICT DO NOTHING";

  private DataSource dataSource;

  protected MessageStore() {}

  @Inject
  MessageStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Stores a batch in one transaction. The answer has one entry per message, in order; a message whose
   * {@code clientId} its sender already used is answered with the stored original.
   */
  List<Posted> insert(List<NewMessage> batch) {
    return Jdbc.inTransaction(
        dataSource,
        connection -> {
          Instant sentAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
          lock(connection, LOCK_ROOMS, batch, Destination::roomIdOrNull);
          lock(connection, LOCK_CONVERSATIONS, batch, Destination::conversationIdOrNull);
          Map<ClientKey, Long> inserted = new HashMap<>();
          List<Long> anonymous = new ArrayList<>();
          insertRows(connection, batch, sentAt, inserted, anonymous);
          return match(connection, batch, sentAt, inserted, anonymous);
        });
  }

  /** The newest {@code limit} messages of a destination before {@code before} (exclusive), ascending. */
  List<Message> newest(Destination destination, long viewerId, long before, int limit) {
    return query(history(NEWEST_BEFORE, destination), destinationId(destination), viewerId, before, limit);
  }

  /** The first {@code limit} messages of a destination after {@code after} and before {@code before}. */
  List<Message> oldestAfter(Destination destination, long viewerId, long after, long before, int limit) {
    return query(history(OLDEST_AFTER, destination), destinationId(destination), viewerId, after, before, limit);
  }

  /** The conversation between two users, made on first use; ids are never reused, so callers may cache. */
  long conversation(long a, long b) {
    return Jdbc.withConnection(
        dataSource,
        connection -> {
          Optional<Long> found = conversation(connection, a, b);
          if (found.isPresent()) {
            return found.get();
          }
          try (PreparedStatement insert = connection.prepareStatement(NEW_CONVERSATION)) {
            bindPair(insert, a, b);
            insert.executeUpdate();
          }
          return conversation(connection, a, b).orElseThrow();
        });
  }

  /** The conversation between two users if they ever had one. */
  Optional<Long> existingConversation(long a, long b) {
    return Jdbc.withConnection(dataSource, connection -> conversation(connection, a, b));
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

  private static Optional<Long> conversation(Connection connection, long a, long b) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(CONVERSATION)) {
      bindPair(select, a, b);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
      }
    }
  }

  private static void bindPair(PreparedStatement statement, long a, long b) throws SQLException {
    statement.setLong(1, a);
    statement.setLong(2, b);
    statement.setLong(3, a);
    statement.setLong(4, b);
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

  private static void lock(
      Connection connection, String sql, List<NewMessage> batch, Function<Destination, Long> id)
      throws SQLException {
    Long[] ids =
        batch.stream().map(m -> id.apply(m.destination())).filter(Objects::nonNull).distinct().toArray(Long[]::new);
    if (ids.length == 0) {
      return;
    }
    try (PreparedStatement lock = connection.prepareStatement(sql)) {
      lock.setArray(1, connection.createArrayOf("bigint", ids));
      lock.executeQuery().close();
    }
  }

  private static void insertRows(
      Connection connection,
      List<NewMessage> batch,
      Instant sentAt,
      Map<ClientKey, Long> inserted,
      List<Long> anonymous)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      insert.setObject(1, OffsetDateTime.ofInstant(sentAt, ZoneOffset.UTC));
      insert.setArray(2, array(connection, "bigint", batch, m -> m.destination().roomIdOrNull()));
      insert.setArray(3, array(connection, "bigint", batch, m -> m.destination().conversationIdOrNull()));
      insert.setArray(4, array(connection, "bigint", batch, m -> m.sender().id()));
      insert.setArray(5, array(connection, "text", batch, NewMessage::text));
      insert.setArray(6, array(connection, "text", batch, NewMessage::clientId));
      try (ResultSet rows = insert.executeQuery()) {
        while (rows.next()) {
          long id = rows.getLong(1);
          String clientId = rows.getString(3);
          if (clientId == null) {
            anonymous.add(id);
          } else {
            inserted.put(new ClientKey(rows.getLong(2), clientId), id);
          }
        }
      }
    }
    // RETURNING gives no order; the batch's order is the order of the ids.
    Collections.sort(anonymous);
  }

  /**
   * Pairs each message of the batch with its row. Messages with a client id are found by it; the others
   * cannot conflict, so they took the remaining ids in batch order. A client id seen before (earlier in
   * this batch, or stored earlier) is answered with the original.
   */
  private static List<Posted> match(
      Connection connection,
      List<NewMessage> batch,
      Instant sentAt,
      Map<ClientKey, Long> inserted,
      List<Long> anonymous)
      throws SQLException {
    Map<ClientKey, Message> originals = originalsOfRepeats(connection, batch, inserted);
    List<Posted> posted = new ArrayList<>(batch.size());
    Map<ClientKey, Message> firstInBatch = new HashMap<>();
    int nextAnonymous = 0;
    for (NewMessage message : batch) {
      if (message.clientId() == null) {
        posted.add(new Posted(toMessage(anonymous.get(nextAnonymous++), message, sentAt), false));
        continue;
      }
      ClientKey key = new ClientKey(message.sender().id(), message.clientId());
      Message earlier = firstInBatch.get(key);
      if (earlier != null) {
        posted.add(new Posted(earlier, true));
      } else if (inserted.containsKey(key)) {
        Message stored = toMessage(inserted.get(key), message, sentAt);
        firstInBatch.put(key, stored);
        posted.add(new Posted(stored, false));
      } else {
        posted.add(new Posted(originals.get(key), true));
      }
    }
    return posted;
  }

  private static Map<ClientKey, Message> originalsOfRepeats(
      Connection connection, List<NewMessage> batch, Map<ClientKey, Long> inserted)
      throws SQLException {
    List<NewMessage> repeats =
        batch.stream()
            .filter(m -> m.clientId() != null)
            .filter(m -> !inserted.containsKey(new ClientKey(m.sender().id(), m.clientId())))
            .toList();
    Map<ClientKey, Message> originals = new HashMap<>();
    if (repeats.isEmpty()) {
      return originals;
    }
    try (PreparedStatement select = connection.prepareStatement(ORIGINALS)) {
      select.setArray(1, array(connection, "bigint", repeats, m -> m.sender().id()));
      select.setArray(2, array(connection, "text", repeats, NewMessage::clientId));
      for (Message original : read(select)) {
        originals.put(new ClientKey(original.from().id(), original.clientId()), original);
      }
    }
    return originals;
  }

  private static Message toMessage(long id, NewMessage message, Instant sentAt) {
    Destination destination = message.destination();
    return new Message(
        id, destination.room(), destination.to(), message.sender(), message.text(), sentAt, message.clientId());
  }

  private static List<Message> read(PreparedStatement statement) throws SQLException {
    List<Message> messages = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        User from = new User(rows.getLong(6), rows.getString(7), Role.valueOf(rows.getString(8)));
        messages.add(
            new Message(
                rows.getLong(1),
                rows.getString(2),
                rows.getString(9),
                from,
                rows.getString(3),
                rows.getObject(5, OffsetDateTime.class).toInstant(),
                rows.getString(4)));
      }
    }
    return messages;
  }

  private static Array array(
      Connection connection,
      String type,
      List<NewMessage> batch,
      Function<NewMessage, Object> column)
      throws SQLException {
    return connection.createArrayOf(type, batch.stream().map(column).toArray());
  }

  private record ClientKey(long senderId, String clientId) {}
}
