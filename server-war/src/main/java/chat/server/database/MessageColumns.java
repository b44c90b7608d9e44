package chat.server.database;

import chat.dto.Message;
import chat.dto.Reaction;
import chat.dto.Reply;
import chat.dto.SharedFile;
import chat.dto.User;
import chat.dto.WireJson;
import java.lang.reflect.Type;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * How every store reads a {@link Message}: history, catch-ups, changes, replies' originals and search
 * select the same columns and read them back here, so a message looks the same whichever way it came.
 */
public final class MessageColumns {

  /**
   * A message as one reader sees it (its first parameter is the reader's id, 0 for nobody's): its
   * room's name, or for a direct message the recipient's; the users it mentions and its reactions
   * (lookups in their keys, for the few messages that have any), without those of users the reader
   * blocks; what it answers, as that is now, without its text when the reader blocks its author; and the
 * files it carries, as they were sent.
   */
  public static final String COLUMNS =
      """
      SELECT m.id, m.seq, r.name, m.body, m.client_id, m.sent_at, t.username,
        (SELECT array_agg(u.username ORDER BY u.username)
         FROM message_mention mm JOIN account u ON u.id = mm.account_id WHERE mm.message_id = m.id),
        m.changed_seq, m.edited_at, m.deleted_at IS NOT NULL,
        (SELECT json_agg(json_build_object('emoji', g.emoji, 'count', g.count, 'users', g.users,
                'mine', CASE WHEN g.mine THEN true END) ORDER BY g.first)
         FROM (SELECT x.emoji, count(*) AS count, min(x.reacted_at) AS first,
                 (array_agg(u.username ORDER BY x.reacted_at, x.account_id))[1:%d] AS users,
                 bool_or(x.account_id = reader.id) AS mine
               FROM reaction x JOIN account u ON u.id = x.account_id
               WHERE x.message_id = m.id
                 AND NOT EXISTS (SELECT 1 FROM block b WHERE b.blocker_id = reader.id AND b.blocked_id = x.account_id)
               GROUP BY x.emoji) g),
        o.id AS reply_id, o.seq AS reply_seq,
        CASE WHEN NOT EXISTS (SELECT 1 FROM block b WHERE b.blocker_id = reader.id AND b.blocked_id = o.sender_id)
          THEN left(o.body, %d) END AS reply_text,
        o.deleted_at IS NOT NULL,
        %s, %s, m.files
      FROM (SELECT ?::bigint AS id) reader CROSS JOIN message m JOIN account a ON a.id = m.sender_id
        LEFT JOIN room r ON r.id = m.room_id
        LEFT JOIN conversation c ON c.id = m.conversation_id
        LEFT JOIN account t ON t.id = CASE WHEN c.user_low = m.sender_id THEN c.user_high ELSE c.user_low END
        LEFT JOIN message o ON o.id = m.reply_to_id
        LEFT JOIN account oa ON oa.id = o.sender_id
      """
          .formatted(Reaction.USERS_SHOWN, Reply.EXCERPT, UserColumns.of("a"), UserColumns.of("oa"));

  private static final int FROM = 17;
  private static final int REPLY_FROM = FROM + UserColumns.COUNT;
  private static final int FILES = REPLY_FROM + UserColumns.COUNT;
  private static final Type REACTIONS = WireJson.listOf(Reaction.class);
  private static final Type FILE_LIST = WireJson.listOf(SharedFile.class);

  /** Reads the rows of a statement over {@link #COLUMNS}. */
  public static List<Message> read(PreparedStatement statement) throws SQLException {
    List<Message> messages = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        messages.add(rows.getBoolean(11) ? tombstone(rows) : message(rows));
      }
    }
    return messages;
  }

  private static Message message(ResultSet rows) throws SQLException {
    Array mentions = rows.getArray(8);
    String reactions = rows.getString(12);
    String files = rows.getString(FILES);
    return new Message(
        rows.getLong(1),
        rows.getLong(2),
        rows.getString(3),
        rows.getString(7),
        UserColumns.read(rows, FROM),
        rows.getString(4),
        rows.getObject(6, OffsetDateTime.class).toInstant(),
        rows.getString(5),
        mentions == null ? null : List.of((String[]) mentions.getArray()),
        rows.getObject(9, Long.class),
        instant(rows.getObject(10, OffsetDateTime.class)),
        reply(rows),
        reactions == null ? null : WireJson.fromJson(reactions, REACTIONS),
        null,
        files == null ? null : WireJson.fromJson(files, FILE_LIST));
  }

  /** A message deleted since a catch-up's start: its numbers and channel, so the client drops it. */
  private static Message tombstone(ResultSet rows) throws SQLException {
    return new Message(
        rows.getLong(1),
        rows.getLong(2),
        rows.getString(3),
        rows.getString(7),
        null,
        null,
        null,
        null,
        null,
        rows.getObject(9, Long.class),
        null,
        null,
        null,
        true);
  }

  private static Reply reply(ResultSet rows) throws SQLException {
    long id = rows.getLong(13);
    if (rows.wasNull()) {
      return null;
    }
    User from = UserColumns.read(rows, REPLY_FROM);
    return rows.getBoolean(16)
        ? new Reply(id, rows.getLong(14), from, null, true)
        : new Reply(id, rows.getLong(14), from, rows.getString(15), null);
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  private MessageColumns() {}
}
