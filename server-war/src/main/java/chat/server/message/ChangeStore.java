package chat.server.message;

import chat.dto.Message;
import chat.dto.Reaction;
import chat.dto.Reply;
import chat.server.database.Jdbc;
import chat.server.database.MessageColumns;
import chat.server.database.UserColumns;
import chat.server.error.ChatException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Changes to stored messages: edits, reactions and deletions. Each takes its channel's next seq in
 * the transaction that makes it (docs/decisions/0030), so that a client resuming after a seq learns of
 * it as it learns of new messages.
 *
 * <p>Each change locks the message's row first, makes the change and reads the message, and takes its
 * number last, from its channel's row (the row the message writer locks to number messages, which
 * keeps numbers in commit order), held only from that statement to the commit. The writer never
 * locks a message's row, so the two cannot wait on each other in a circle.
 */
@ApplicationScoped
class ChangeStore {

  private static final String TARGET =
      """
      SELECT m.seq, left(m.body, %d), m.room_id, r.name, m.conversation_id,
        c.user_low, low.username, c.user_high, high.username, coalesce(r.is_private, false), %s
      FROM message m JOIN account a ON a.id = m.sender_id
        LEFT JOIN room r ON r.id = m.room_id
        LEFT JOIN conversation c ON c.id = m.conversation_id
        LEFT JOIN account low ON low.id = c.user_low
        LEFT JOIN account high ON high.id = c.user_high
      WHERE m.id = ? AND m.deleted_at IS NULL
      """
          .formatted(Reply.EXCERPT, UserColumns.of("a"));

  /**
   * Locks the message's row, and answers its text. The same statement bounds the transaction: it ends
   * if it idles (as the writer's does, MessageStore), so a node frozen mid-change holds the row no
   * longer than that, and a change that waits for the row gives up after {@link #LOCK_WAIT}
   * ({@code unavailable}) rather than piling up behind one that does.
   */
  private static final String LOCK_MESSAGE =
      "WITH held AS (SELECT set_config('idle_in_transaction_session_timeout', '" + MessageStore.LOCKS_HELD_IDLE_AT_MOST
          + "', true), set_config('lock_timeout', '" + ChangeStore.LOCK_WAIT + "', true))"
          + " SELECT m.body FROM message m, held WHERE m.id = ? AND m.deleted_at IS NULL FOR NO KEY UPDATE OF m";

  static final String LOCK_WAIT = "2s";

  /**
   * Gives the change its number, last: the channel's row (which the writer locks to number messages)
   * is held from here to the commit only, one statement away.
   */
  private static final String NUMBERED =
      """
      WITH numbered AS (UPDATE %s SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq)
      UPDATE message SET changed_seq = numbered.last_seq FROM numbered WHERE message.id = ? RETURNING numbered.last_seq
      """;

  /** A message takes at most this many different emoji, which bounds what a change tells everyone. */
  static final int MOST_EMOJI = 20;

  private static final String EDIT = "UPDATE message SET body = ?, edited_at = clock_timestamp() WHERE id = ?";

  private static final String FORGET_MENTIONS = "DELETE FROM message_mention WHERE message_id = ?";

  /** Whom an edited text mentions, as the writer finds them for a new one: users who can see it. */
  private static final String MENTION =
      """
      INSERT INTO message_mention (message_id, account_id)
      SELECT m.id, a.id FROM message m JOIN account a ON lower(a.username) = ANY(?::text[])
      WHERE m.id = ?
        AND (EXISTS (SELECT 1 FROM room_member rm WHERE rm.room_id = m.room_id AND rm.account_id = a.id)
          OR EXISTS (SELECT 1 FROM conversation c WHERE c.id = m.conversation_id AND a.id IN (c.user_low, c.user_high)))
      """;

  private static final String DELETE = "UPDATE message SET deleted_at = clock_timestamp(), deleted_by = ? WHERE id = ?";

  private static final String REACT =
      "INSERT INTO reaction (message_id, emoji, account_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";

  private static final String UNREACT = "DELETE FROM reaction WHERE message_id = ? AND emoji = ? AND account_id = ?";

  /** How many emoji the message has, and whether this one is among them. */
  private static final String EMOJI_ON =
      "SELECT count(DISTINCT emoji), coalesce(bool_or(emoji = ?), false) FROM reaction WHERE message_id = ?";

  private static final String AS_NOW = MessageColumns.COLUMNS + "WHERE m.id = ?";

  private static final String MEMBER = "SELECT 1 FROM room_member WHERE room_id = ? AND account_id = ?";

  private static final String MINE = "SELECT emoji FROM reaction WHERE message_id = ? AND account_id = ?";

  private DataSource dataSource;

  protected ChangeStore() {}

  @Inject
  ChangeStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A message not deleted: who wrote it, where it is and how it starts. */
  Optional<Target> target(long messageId) {
    return Jdbc.withConnection(
        dataSource,
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(TARGET)) {
            select.setLong(1, messageId);
            try (ResultSet row = select.executeQuery()) {
              if (!row.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new Target(
                      messageId,
                      row.getLong(1),
                      UserColumns.read(row, 11),
                      row.getString(2),
                      row.getLong(3),
                      row.getString(4),
                      row.getLong(5),
                      row.getLong(6),
                      row.getString(7),
                      row.getLong(8),
                      row.getString(9),
                      row.getBoolean(10)));
            }
          }
        });
  }

  /** Whether {@code accountId} is a member of the target's room (in a conversation: one of its two). */
  boolean takesPart(Target target, long accountId) {
    if (!target.inRoom()) {
      return accountId == target.lowId() || accountId == target.highId();
    }
    return Jdbc.withConnection(
        dataSource, connection -> !Jdbc.strings(connection, MEMBER, target.roomId(), accountId).isEmpty());
  }

  /**
   * Gives the message its new text: the message as it now is, or empty when it was deleted meanwhile
   * or the text is the same (nothing changed, and nothing is numbered).
   */
  Optional<Changed> edit(Target target, String text, List<String> mentioned, long readerId) {
    return Jdbc.inTransaction(
        dataSource,
        connection -> {
          Optional<String> before = locked(connection, target);
          if (before.isEmpty() || before.get().equals(text)) {
            return Optional.empty();
          }
          Jdbc.update(connection, EDIT, text, target.id());
          Jdbc.update(connection, FORGET_MENTIONS, target.id());
          if (!mentioned.isEmpty()) {
            try (PreparedStatement mention = connection.prepareStatement(MENTION)) {
              mention.setArray(1, connection.createArrayOf("text", mentioned.toArray()));
              mention.setLong(2, target.id());
              mention.executeUpdate();
            }
          }
          return Optional.of(numbered(connection, target, readerId));
        });
  }

  /** Marks the message deleted; the deletion's seq, or empty when it already was. */
  OptionalLong delete(Target target, long deletedBy) {
    return Jdbc.inTransaction(
        dataSource,
        connection -> {
          if (locked(connection, target).isEmpty()) {
            return OptionalLong.empty();
          }
          Jdbc.update(connection, DELETE, deletedBy, target.id());
          return OptionalLong.of(number(connection, target));
        });
  }

  /**
   * Adds or takes back one user's emoji: the message as it now is, or empty when nothing changed (the emoji was there already, or was not) or the message was deleted meanwhile.
   * Nothing that changes nothing takes a seq. A new emoji past {@link #MOST_EMOJI} is refused.
   */
  Optional<Changed> react(Target target, long accountId, String emoji, boolean on) {
    return Jdbc.inTransaction(
        dataSource,
        connection -> {
          if (locked(connection, target).isEmpty()) {
            return Optional.empty();
          }
          if (on) {
            refuseAnotherEmojiPastTheMost(connection, target, emoji);
          }
          int changed;
          try (PreparedStatement reaction = connection.prepareStatement(on ? REACT : UNREACT)) {
            Jdbc.bind(reaction, target.id(), emoji, accountId);
            changed = reaction.executeUpdate();
          }
          if (changed == 0) {
            return Optional.empty();
          }
          return Optional.of(numbered(connection, target, accountId));
        });
  }

  /** The emoji are counted under the message's lock, so two new ones at once cannot pass the bound together. */
  private static void refuseAnotherEmojiPastTheMost(Connection connection, Target target, String emoji)
      throws SQLException {
    try (PreparedStatement count = connection.prepareStatement(EMOJI_ON)) {
      Jdbc.bind(count, emoji, target.id());
      try (ResultSet row = count.executeQuery()) {
        row.next();
        if (!row.getBoolean(2) && row.getInt(1) >= MOST_EMOJI) {
          throw ChatException.invalid("a message takes at most " + MOST_EMOJI + " different emoji");
        }
      }
    }
  }

  /**
   * The message once changed, read under its lock for everyone (every reaction, none marked), then
   * numbered; and as {@code callerId} sees it, whose reactions are marked {@code mine}: one query for the
   * caller's own emoji rather than a second reading of the whole message.
   */
  private static Changed numbered(Connection connection, Target target, long callerId) throws SQLException {
    Message now = asNow(connection, target.id(), 0).withChangedSeq(number(connection, target));
    if (now.reactions() == null) {
      return new Changed(now, now);
    }
    Set<String> mine = Set.copyOf(Jdbc.strings(connection, MINE, target.id(), callerId));
    List<Reaction> marked =
        now.reactions().stream()
            .map(r -> new Reaction(r.emoji(), r.count(), r.users(), mine.contains(r.emoji()) ? true : null))
            .toList();
    return new Changed(now, now.withReactions(marked));
  }

  /** A change as everyone is told it, and as the caller's own call is answered. */
  record Changed(Message forEveryone, Message forCaller) {}

  private static long number(Connection connection, Target target) throws SQLException {
    String table = target.inRoom() ? "room" : "conversation";
    try (PreparedStatement number = connection.prepareStatement(NUMBERED.formatted(table))) {
      number.setLong(1, target.inRoom() ? target.roomId() : target.conversationId());
      number.setLong(2, target.id());
      try (ResultSet row = number.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  /** The message as {@code readerId} sees it now (which reactions are theirs); empty once it is deleted. */
  Optional<Message> asNow(long messageId, long readerId) {
    return Jdbc.withConnection(
        dataSource, connection -> Optional.of(asNow(connection, messageId, readerId)).filter(m -> !m.isDeleted()));
  }

  /** The message's text, its row locked; empty when it was deleted meanwhile. */
  private static Optional<String> locked(Connection connection, Target target) throws SQLException {
    return Jdbc.strings(connection, LOCK_MESSAGE, target.id()).stream().findFirst();
  }

  /** The message as it is now, read for {@code readerId}; for 0, for no one in particular (a live change). */
  private static Message asNow(Connection connection, long messageId, long readerId) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(AS_NOW)) {
      select.setLong(1, readerId);
      select.setLong(2, messageId);
      return MessageColumns.read(select).get(0);
    }
  }
}
