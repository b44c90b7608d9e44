package chat.server.message;

import chat.dto.Message;
import chat.dto.User;
import chat.server.database.Jdbc;
import chat.server.database.UserColumns;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * The SQL of messages. Plain JDBC rather than JPA here: a batch goes in as one statement over arrays,
 * and history is one indexed range scan; neither needs entities (docs/decisions/0003).
 */
@ApplicationScoped
public class MessageStore {

  /**
   * Locks the batch's rooms and conversations first, so that on every node id order within a destination is
   * commit order (a writer that drew smaller ids has committed before another may draw larger ones), and
   * reads the last seq each gave out, which only the lock holder advances.
   */
  private static final String LOCK_ROOMS =
      "SELECT id, last_seq FROM room WHERE id = ANY(?) ORDER BY id FOR NO KEY UPDATE";

  private static final String LOCK_CONVERSATIONS =
      "SELECT id, last_seq FROM conversation WHERE id = ANY(?) ORDER BY id FOR NO KEY UPDATE";

  /**
   * Rows go in in the batch's order, so their ids ascend in that order, as their seqs do. A clientId
   * stored meanwhile by another node in another channel is skipped (see {@link #insert}). The same
   * statement advances each channel's last seq (a data-modifying CTE runs whether or not it is read):
   * one round trip to the database where there were three.
   */
  private static final String INSERT =
      """
      WITH advanced_rooms AS (
        UPDATE room SET last_seq = top.seq FROM unnest(?::bigint[], ?::bigint[]) AS top(id, seq)
        WHERE room.id = top.id
      ), advanced_conversations AS (
        UPDATE conversation SET last_seq = top.seq FROM unnest(?::bigint[], ?::bigint[]) AS top(id, seq)
        WHERE conversation.id = top.id
      )
      INSERT INTO message (room_id, conversation_id, seq, sender_id, body, client_id, sent_at)
      SELECT room_id, conversation_id, seq, sender_id, body, client_id, ?::timestamptz FROM
        unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::text[]) WITH ORDINALITY
          AS batch(room_id, conversation_id, seq, sender_id, body, client_id, position)
      ORDER BY position
      ON CONFLICT (sender_id, client_id) WHERE client_id IS NOT NULL DO NOTHING
      RETURNING id, room_id, conversation_id, seq
      """;

  /** A message as clients see it: its room's name, or for a direct message the recipient's. */
  private static final String COLUMNS =
      """
      SELECT m.id, m.seq, r.name, m.body, m.client_id, m.sent_at, t.username, %s
      FROM message m JOIN account a ON a.id = m.sender_id
        LEFT JOIN room r ON r.id = m.room_id
        LEFT JOIN conversation c ON c.id = m.conversation_id
        LEFT JOIN account t ON t.id = CASE WHEN c.user_low = m.sender_id THEN c.user_high ELSE c.user_low END
      """
          .formatted(UserColumns.of("a"));

  /**
   * The ids of stored messages whose clientIds a batch sends again: a lookup in one index, since a
   * repeat is rare. PostgreSQL plans a statement over arrays afresh at each execution (no generic plan
   * looks cheaper than one for the rows at hand), and this one is cheap to plan where the join of
   * {@link #COLUMNS} was most of the database's work per batch (docs/benchmarks.md). The condition on
   * {@code client_id} repeats the unique index's own, without which PostgreSQL may not use that index.
   */
  private static final String REPEATED =
      """
      SELECT id FROM message
      WHERE client_id IS NOT NULL AND (sender_id, client_id) IN (SELECT * FROM unnest(?::bigint[], ?::text[]))
      """;

  private static final String ORIGINALS = COLUMNS + "WHERE m.id = ANY(?)";

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
   *
   * <p>Repeats are found before the insert, so that the seqs handed out are exactly those of the rows
   * stored: the channel's lock keeps a repeat within the channel from racing in. The same clientId sent
   * at once to another channel through another node is the one race left; its row is skipped and its
   * seq stays unused, which clients take for a deleted message (docs/protocol.md, "Sequence numbers").
   */
  List<Posted> insert(List<NewMessage> batch) {
    return Jdbc.inTransaction(
        dataSource,
        connection -> {
          Instant sentAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
          Map<Channel, Long> lastSeqs = new HashMap<>();
          lock(connection, LOCK_ROOMS, batch, Destination::roomIdOrNull, Channel::room, lastSeqs);
          lock(connection, LOCK_CONVERSATIONS, batch, Destination::conversationIdOrNull, Channel::conversation, lastSeqs);
          Map<ClientKey, Message> stored = originals(connection, batch);
          Numbered numbered = Numbered.of(batch, stored, lastSeqs);
          Map<Channel.Seq, Long> ids = insertRows(connection, numbered, sentAt);
          return answers(connection, numbered, ids, stored, sentAt);
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

  /** The first {@code limit} messages of a destination after the one numbered {@code afterSeq}. */
  List<Message> oldestAfterSeq(Destination destination, long viewerId, long afterSeq, int limit) {
    return query(history(OLDEST_AFTER_SEQ, destination), destinationId(destination), viewerId, afterSeq, limit);
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
      Connection connection,
      String sql,
      List<NewMessage> batch,
      Function<Destination, Long> id,
      LongFunction<Channel> channel,
      Map<Channel, Long> lastSeqs)
      throws SQLException {
    Long[] ids =
        batch.stream().map(m -> id.apply(m.destination())).filter(Objects::nonNull).distinct().toArray(Long[]::new);
    if (ids.length == 0) {
      return;
    }
    try (PreparedStatement lock = connection.prepareStatement(sql)) {
      lock.setArray(1, connection.createArrayOf("bigint", ids));
      try (ResultSet rows = lock.executeQuery()) {
        while (rows.next()) {
          lastSeqs.put(channel.apply(rows.getLong(1)), rows.getLong(2));
        }
      }
    }
  }

  /** The stored messages whose clientIds the batch sends again. */
  private static Map<ClientKey, Message> originals(Connection connection, List<NewMessage> batch)
      throws SQLException {
    List<NewMessage> keyed = batch.stream().filter(m -> m.clientId() != null).toList();
    Map<ClientKey, Message> originals = new HashMap<>();
    List<Long> repeated = keyed.isEmpty() ? List.of() : repeatedIds(connection, keyed);
    if (repeated.isEmpty()) {
      return originals;
    }
    try (PreparedStatement select = connection.prepareStatement(ORIGINALS)) {
      select.setArray(1, connection.createArrayOf("bigint", repeated.toArray()));
      for (Message original : read(select)) {
        originals.put(new ClientKey(original.from().id(), original.clientId()), original);
      }
    }
    return originals;
  }

  private static List<Long> repeatedIds(Connection connection, List<NewMessage> keyed) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement lookup = connection.prepareStatement(REPEATED)) {
      lookup.setArray(1, array(connection, "bigint", keyed, m -> m.sender().id()));
      lookup.setArray(2, array(connection, "text", keyed, NewMessage::clientId));
      try (ResultSet rows = lookup.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
        }
      }
    }
    return ids;
  }

  /**
   * Inserts the batch's new messages and advances their channels' last seqs; answers each row's id by
   * its channel and seq.
   */
  private static Map<Channel.Seq, Long> insertRows(Connection connection, Numbered numbered, Instant sentAt)
      throws SQLException {
    List<NewMessage> rows = numbered.fresh();
    Map<Channel.Seq, Long> ids = new HashMap<>();
    if (rows.isEmpty()) {
      return ids;
    }
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      lastSeqs(connection, insert, 1, numbered.lastSeqs(), Channel::isRoom);
      lastSeqs(connection, insert, 3, numbered.lastSeqs(), channel -> !channel.isRoom());
      insert.setObject(5, OffsetDateTime.ofInstant(sentAt, ZoneOffset.UTC));
      insert.setArray(6, array(connection, "bigint", rows, m -> m.destination().roomIdOrNull()));
      insert.setArray(7, array(connection, "bigint", rows, m -> m.destination().conversationIdOrNull()));
      insert.setArray(8, connection.createArrayOf("bigint", numbered.freshSeqs()));
      insert.setArray(9, array(connection, "bigint", rows, m -> m.sender().id()));
      insert.setArray(10, array(connection, "text", rows, NewMessage::text));
      insert.setArray(11, array(connection, "text", rows, NewMessage::clientId));
      try (ResultSet stored = insert.executeQuery()) {
        while (stored.next()) {
          long roomId = stored.getLong(2);
          Channel channel = stored.wasNull() ? Channel.conversation(stored.getLong(3)) : Channel.room(roomId);
          ids.put(new Channel.Seq(channel, stored.getLong(4)), stored.getLong(1));
        }
      }
    }
    return ids;
  }

  /** Binds the ids and new last seqs of the channels {@code which} picks, at {@code index} and after. */
  private static void lastSeqs(
      Connection connection,
      PreparedStatement statement,
      int index,
      Map<Channel, Long> lastSeqs,
      Predicate<Channel> which)
      throws SQLException {
    List<Map.Entry<Channel, Long>> advanced =
        lastSeqs.entrySet().stream().filter(e -> which.test(e.getKey())).toList();
    statement.setArray(index, connection.createArrayOf("bigint", advanced.stream().map(e -> e.getKey().id()).toArray()));
    statement.setArray(index + 1, connection.createArrayOf("bigint", advanced.stream().map(Map.Entry::getValue).toArray()));
  }

  /**
   * One answer per message of the batch, in order: a new message as stored, a repeat with its original
   * (stored before, earlier in this batch, or, for the race {@link #insert} describes, just now by
   * another node).
   */
  private static List<Posted> answers(
      Connection connection,
      Numbered numbered,
      Map<Channel.Seq, Long> ids,
      Map<ClientKey, Message> stored,
      Instant sentAt)
      throws SQLException {
    List<NewMessage> raced = new ArrayList<>();
    for (int i = 0; i < numbered.size(); i++) {
      if (numbered.isFresh(i) && !ids.containsKey(numbered.channelSeq(i))) {
        raced.add(numbered.message(i));
      }
    }
    Map<ClientKey, Message> originals = new HashMap<>(stored);
    originals.putAll(originals(connection, raced));
    List<Posted> posted = new ArrayList<>(numbered.size());
    Map<ClientKey, Message> firstInBatch = new HashMap<>();
    for (int i = 0; i < numbered.size(); i++) {
      NewMessage message = numbered.message(i);
      ClientKey key = message.clientId() == null ? null : new ClientKey(message.sender().id(), message.clientId());
      Long id = numbered.isFresh(i) ? ids.get(numbered.channelSeq(i)) : null;
      if (id != null) {
        Message fresh = toMessage(id, numbered.seq(i), message, sentAt);
        posted.add(new Posted(fresh, false));
        if (key != null) {
          firstInBatch.put(key, fresh);
        }
      } else {
        Message original = originals.containsKey(key) ? originals.get(key) : firstInBatch.get(key);
        posted.add(new Posted(original, true));
      }
    }
    return posted;
  }

  private static Message toMessage(long id, long seq, NewMessage message, Instant sentAt) {
    Destination destination = message.destination();
    return new Message(
        id,
        seq,
        destination.room(),
        destination.to(),
        message.sender(),
        message.text(),
        sentAt,
        message.clientId());
  }

  private static List<Message> read(PreparedStatement statement) throws SQLException {
    List<Message> messages = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        User from = UserColumns.read(rows, 8);
        messages.add(
            new Message(
                rows.getLong(1),
                rows.getLong(2),
                rows.getString(3),
                rows.getString(7),
                from,
                rows.getString(4),
                rows.getObject(6, OffsetDateTime.class).toInstant(),
                rows.getString(5)));
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
}
