package chat.server.message;

import chat.dto.Message;
import chat.dto.Role;
import chat.dto.User;
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
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The SQL of messages. Plain JDBC rather than JPA here: a batch goes in as one statement over arrays,
 * and history is one indexed range scan; neither needs entities (docs/decisions/0003).
 */
@ApplicationScoped
public class MessageStore {

  /**
   * Locks the batch's rooms first, so that on every node id order within a room is commit order: a
   * writer that drew smaller ids has committed before another may draw larger ones for that room.
   */
  private static final String LOCK_ROOMS =
      "SELECT id FROM room WHERE id = ANY(?) ORDER BY id FOR NO KEY UPDATE";

  /** Rows go in in the batch's order, so their ids ascend in that order; repeats are skipped. */
  private static final String INSERT =
      """
      INSERT INTO message (room_id, sender_id, body, client_id, sent_at)
      SELECT room_id, sender_id, body, client_id, ?::timestamptz FROM
        unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[]) WITH ORDINALITY
          AS batch(room_id, sender_id, body, client_id, position)
      ORDER BY position
      ON CONFLICT (sender_id, client_id) WHERE client_id IS NOT NULL DO NOTHING
      RETURNING id, sender_id, client_id
      """;

  private static final String ORIGINALS =
      """
      SELECT m.id, r.name, m.body, m.client_id, m.sent_at, a.id, a.username, a.role
      FROM message m JOIN account a ON a.id = m.sender_id LEFT JOIN room r ON r.id = m.room_id
      WHERE (m.sender_id, m.client_id) IN (SELECT * FROM unnest(?::bigint[], ?::text[]))
      """;

  private static final String HISTORY_COLUMNS =
      """
      SELECT m.id, r.name, m.body, m.client_id, m.sent_at, a.id, a.username, a.role
      FROM message m JOIN account a ON a.id = m.sender_id JOIN room r ON r.id = m.room_id
      WHERE m.room_id = ? AND m.deleted_at IS NULL
      """;

  private static final String NEWEST_BEFORE =
      "SELECT * FROM (" + HISTORY_COLUMNS + " AND m.id < ? ORDER BY m.id DESC LIMIT ?) page ORDER BY 1";

  private static final String OLDEST_AFTER =
      HISTORY_COLUMNS + " AND m.id > ? AND m.id < ? ORDER BY m.id LIMIT ?";

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
  List<Posted> insert(List<NewMessage> batch) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        Instant sentAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        lockRooms(connection, batch);
        Map<ClientKey, Long> inserted = new HashMap<>();
        List<Long> anonymous = new ArrayList<>();
        insertRows(connection, batch, sentAt, inserted, anonymous);
        List<Posted> posted = match(connection, batch, sentAt, inserted, anonymous);
        connection.commit();
        return posted;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  /** The newest {@code limit} messages of a room before {@code before} (exclusive), ascending. */
  public List<Message> newest(long roomId, long before, int limit) throws SQLException {
    return query(NEWEST_BEFORE, roomId, before, limit);
  }

  /** The first {@code limit} messages of a room after {@code after} and before {@code before}. */
  public List<Message> oldestAfter(long roomId, long after, long before, int limit)
      throws SQLException {
    return query(OLDEST_AFTER, roomId, after, before, limit);
  }

  private List<Message> query(String sql, long... parameters) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setLong(i + 1, parameters[i]);
      }
      return read(statement);
    }
  }

  private static void lockRooms(Connection connection, List<NewMessage> batch) throws SQLException {
    Long[] rooms = batch.stream().map(NewMessage::roomId).distinct().toArray(Long[]::new);
    try (PreparedStatement lock = connection.prepareStatement(LOCK_ROOMS)) {
      lock.setArray(1, connection.createArrayOf("bigint", rooms));
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
      insert.setArray(2, array(connection, "bigint", batch, m -> m.roomId()));
      insert.setArray(3, array(connection, "bigint", batch, m -> m.sender().id()));
      insert.setArray(4, array(connection, "text", batch, NewMessage::text));
      insert.setArray(5, array(connection, "text", batch, NewMessage::clientId));
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
    return new Message(
        id, message.roomName(), null, message.sender(), message.text(), sentAt, message.clientId());
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
                null,
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
