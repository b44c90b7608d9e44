package chat.server.message;

import chat.dto.Message;
import chat.dto.SharedFile;
import chat.dto.WireJson;
import chat.server.database.Jdbc;
import chat.server.database.MessageColumns;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * The SQL of the batch write. Plain JDBC rather than JPA for messages: a batch goes in as one statement
 * over arrays, and history ({@link HistoryStore}) is one indexed range scan; neither needs entities
 * (docs/decisions/0003).
 */
@ApplicationScoped
public class MessageStore {

  /**
   * Locks the batch's rooms and conversations first, so that on every node id order within a destination is
   * commit order (a writer that drew smaller ids has committed before another may draw larger ones), and
   * reads the last seq each gave out, which only the lock holder advances.
   *
   * <p>The same statement tells PostgreSQL to end this transaction if it stands idle for
   * {@link #LOCKS_HELD_IDLE_AT_MOST}: a node that stops between two statements (frozen, a stalled VM, a
   * long pause) would otherwise hold these rows, and every other node's writer with them, for as long
   * as it stands still. Its batch is rolled back and its senders, never answered, send again elsewhere.
   * Set for this transaction only (a signup idles while it hashes a password).
   */
  static final String LOCKS_HELD_IDLE_AT_MOST = "3s";

  private static final String LOCK_ROOMS =
      "WITH held AS (SELECT set_config('idle_in_transaction_session_timeout', '" + LOCKS_HELD_IDLE_AT_MOST
          + "', true)) SELECT id, last_seq FROM room, held WHERE id = ANY(?) ORDER BY id FOR NO KEY UPDATE OF room";

  private static final String LOCK_CONVERSATIONS =
      "WITH held AS (SELECT set_config('idle_in_transaction_session_timeout', '" + LOCKS_HELD_IDLE_AT_MOST
          + "', true)) SELECT id, last_seq FROM conversation, held WHERE id = ANY(?) ORDER BY id"
          + " FOR NO KEY UPDATE OF conversation";

  /**
   * Rows go in in the batch's order, so their ids ascend in that order, as their seqs do. A clientId
   * stored meanwhile by another node in another channel is skipped (see {@link #insert}). The same
   * statement advances each channel's last seq (a data-modifying CTE runs whether or not it is read)
   * and records whom each message mentions, of the names {@link Mentions} found in it: an account of
   * that name who can see it, a member of its room or the other user of its conversation. One round
   * trip to the database where there were four; a batch that names no one joins empty arrays. The
   * files a message carries go in with it ({@code files}); {@link #ATTACH} then gives them to it.
   */
  private static final String INSERT =
      """
      WITH advanced_rooms AS (
        UPDATE room SET last_seq = top.seq FROM unnest(?::bigint[], ?::bigint[]) AS top(id, seq)
        WHERE room.id = top.id
      ), advanced_conversations AS (
        UPDATE conversation SET last_seq = top.seq FROM unnest(?::bigint[], ?::bigint[]) AS top(id, seq)
        WHERE conversation.id = top.id
      ), inserted AS (
        INSERT INTO message (room_id, conversation_id, seq, sender_id, body, client_id, reply_to_id, files, sent_at)
        SELECT room_id, conversation_id, seq, sender_id, body, client_id, reply_to_id, files::jsonb, ?::timestamptz FROM
          unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::text[])
            WITH ORDINALITY AS batch(room_id, conversation_id, seq, sender_id, body, client_id, reply_to_id, files, position)
        ORDER BY position
        ON CONFLICT (sender_id, client_id) WHERE client_id IS NOT NULL DO NOTHING
        RETURNING id, room_id, conversation_id, seq
      ), named AS (
        SELECT i.id AS message_id, a.id AS account_id, a.username
        FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::text[]) AS n(room_id, conversation_id, seq, name)
          JOIN inserted i ON i.seq = n.seq AND (i.room_id = n.room_id OR i.conversation_id = n.conversation_id)
          JOIN account a ON lower(a.username) = n.name
        WHERE EXISTS (SELECT 1 FROM room_member rm WHERE rm.room_id = i.room_id AND rm.account_id = a.id)
           OR EXISTS (SELECT 1 FROM conversation c WHERE c.id = i.conversation_id AND a.id IN (c.user_low, c.user_high))
      ), mentioned AS (
        INSERT INTO message_mention (message_id, account_id) SELECT message_id, account_id FROM named
      )
      SELECT i.id, i.room_id, i.conversation_id, i.seq,
        (SELECT array_agg(n.username ORDER BY n.username) FROM named n WHERE n.message_id = i.id)
      FROM inserted i
      """;

  /**
   * Gives each file to the message that carries it, for a batch that carries any: a statement of its own,
   * so that the many batches without files pay nothing for it. The files are locked first in id order,
   * so two writers giving the same files to messages of their batches wait for each other instead of
   * deadlocking; a file taken meanwhile (sent at once in another message) stays with the one that took it.
   */
  private static final String ATTACH =
      """
      WITH locked AS (SELECT id FROM shared_file WHERE id = ANY(?) ORDER BY id FOR UPDATE)
      UPDATE shared_file f SET message_id = a.message_id
      FROM unnest(?::bigint[], ?::bigint[]) AS a(file_id, message_id) JOIN locked l ON l.id = a.file_id
      WHERE f.id = a.file_id AND f.message_id IS NULL
      """;

  /**
   * The ids of stored messages whose clientIds a batch sends again: a lookup in one index, since a
   * repeat is rare. PostgreSQL plans a statement over arrays afresh at each execution (no generic plan
   * looks cheaper than one for the rows at hand), and this one is cheap to plan where the join of
   * {@link MessageColumns#COLUMNS} was most of the database's work per batch (docs/benchmarks.md). The condition on
   * {@code client_id} repeats the unique index's own, without which PostgreSQL may not use that index.
   */
  private static final String REPEATED =
      """
      SELECT id FROM message
      WHERE client_id IS NOT NULL AND (sender_id, client_id) IN (SELECT * FROM unnest(?::bigint[], ?::text[]))
      """;

  /**
   * The originals of repeats, read for no one in particular (0): they go to the whole channel again,
   * so no reaction is marked as anyone's and none is left out.
   */
  private static final String ORIGINALS = MessageColumns.COLUMNS + "WHERE m.id = ANY(?)";

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
          Map<Channel.Seq, Row> ids = insertRows(connection, numbered, sentAt);
          attach(connection, numbered, ids);
          return answers(connection, numbered, ids, stored, sentAt);
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
      select.setLong(1, 0);
      select.setArray(2, connection.createArrayOf("bigint", repeated.toArray()));
      for (Message original : MessageColumns.read(select)) {
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
   * Inserts the batch's new messages, advances their channels' last seqs and records their mentions;
   * answers each row by its channel and seq.
   */
  private static Map<Channel.Seq, Row> insertRows(Connection connection, Numbered numbered, Instant sentAt)
      throws SQLException {
    List<NewMessage> rows = numbered.fresh();
    Map<Channel.Seq, Row> ids = new HashMap<>();
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
      insert.setArray(12, array(connection, "bigint", rows, m -> m.replyTo() == null ? null : m.replyTo().id()));
      insert.setArray(13, array(connection, "text", rows, m -> m.files().isEmpty() ? null : WireJson.toJson(m.files())));
      bindMentions(connection, insert, 14, rows, numbered.freshSeqs());
      try (ResultSet stored = insert.executeQuery()) {
        while (stored.next()) {
          long roomId = stored.getLong(2);
          Channel channel = stored.wasNull() ? Channel.conversation(stored.getLong(3)) : Channel.room(roomId);
          Array mentioned = stored.getArray(5);
          List<String> mentions = mentioned == null ? null : List.of((String[]) mentioned.getArray());
          ids.put(new Channel.Seq(channel, stored.getLong(4)), new Row(stored.getLong(1), mentions));
        }
      }
    }
    return ids;
  }

  /** A stored row: its id, and the users it mentions (null for none). */
  private record Row(long id, List<String> mentions) {}

  /** The names each new message mentions, a row per name, at {@code index} and after. */
  private static void bindMentions(
      Connection connection, PreparedStatement insert, int index, List<NewMessage> rows, Long[] seqs)
      throws SQLException {
    List<Object> roomIds = new ArrayList<>();
    List<Object> conversationIds = new ArrayList<>();
    List<Object> mentionSeqs = new ArrayList<>();
    List<Object> names = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Destination destination = rows.get(i).destination();
      for (String name : Mentions.in(rows.get(i).text(), Mentions.MOST)) {
        roomIds.add(destination.roomIdOrNull());
        conversationIds.add(destination.conversationIdOrNull());
        mentionSeqs.add(seqs[i]);
        names.add(name);
      }
    }
    insert.setArray(index, connection.createArrayOf("bigint", roomIds.toArray()));
    insert.setArray(index + 1, connection.createArrayOf("bigint", conversationIds.toArray()));
    insert.setArray(index + 2, connection.createArrayOf("bigint", mentionSeqs.toArray()));
    insert.setArray(index + 3, connection.createArrayOf("text", names.toArray()));
  }

  /**
   * Gives the files of the batch's new messages to them; a file named by two messages of one batch goes
   * to the first.
   */
  private static void attach(Connection connection, Numbered numbered, Map<Channel.Seq, Row> ids) throws SQLException {
    Map<Long, Long> messageOfFile = new LinkedHashMap<>();
    for (int i = 0; i < numbered.size(); i++) {
      Row row = numbered.isFresh(i) ? ids.get(numbered.channelSeq(i)) : null;
      if (row != null) {
        for (SharedFile file : numbered.message(i).files()) {
          messageOfFile.putIfAbsent(file.id(), row.id());
        }
      }
    }
    if (messageOfFile.isEmpty()) {
      return;
    }
    try (PreparedStatement update = connection.prepareStatement(ATTACH)) {
      Object[] files = messageOfFile.keySet().toArray();
      update.setArray(1, connection.createArrayOf("bigint", files));
      update.setArray(2, connection.createArrayOf("bigint", files));
      update.setArray(3, connection.createArrayOf("bigint", messageOfFile.values().toArray()));
      update.executeUpdate();
    }
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
      Map<Channel.Seq, Row> ids,
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
      Row row = numbered.isFresh(i) ? ids.get(numbered.channelSeq(i)) : null;
      if (row != null) {
        Message fresh = toMessage(row, numbered.seq(i), message, sentAt);
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

  private static Message toMessage(Row row, long seq, NewMessage message, Instant sentAt) {
    Destination destination = message.destination();
    return new Message(
        row.id(),
        seq,
        destination.room(),
        destination.to(),
        message.sender(),
        message.text(),
        sentAt,
        message.clientId(),
        row.mentions(),
        null,
        null,
        message.replyTo(),
        null,
        null,
        message.files().isEmpty() ? null : message.files());
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
