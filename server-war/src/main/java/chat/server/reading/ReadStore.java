package chat.server.reading;

import chat.dto.ChannelState;
import chat.dto.User;
import chat.server.database.Jdbc;
import chat.server.database.UserColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** The SQL of read markers, mutes and the channel list. */
@ApplicationScoped
class ReadStore {

  /** A room by name, with whether the user is a member of it; a private one only for its members. */
  private static final String ROOM =
      """
      SELECT r.id, r.name, r.last_seq, rm.account_id IS NOT NULL FROM room r
        LEFT JOIN room_member rm ON rm.room_id = r.id AND rm.account_id = ?
      WHERE lower(r.name) = lower(?) AND (NOT r.is_private OR rm.account_id IS NOT NULL)
      """;

  private static final String CONVERSATION =
      "SELECT id, last_seq FROM conversation WHERE user_low = least(?, ?) AND user_high = greatest(?, ?)";

  /** A member who left since the mark has no row, and the mark is dropped with the membership. */
  private static final String WRITE_ROOM_MARKERS =
      """
      UPDATE room_member rm SET read_seq = greatest(rm.read_seq, v.seq)
      FROM unnest(?::bigint[], ?::bigint[], ?::bigint[]) AS v(account_id, room_id, seq)
      WHERE rm.account_id = v.account_id AND rm.room_id = v.room_id
      """;

  private static final String WRITE_CONVERSATION_MARKERS =
      """
      INSERT INTO conversation_reader (account_id, conversation_id, read_seq)
      SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::bigint[])
      ON CONFLICT (conversation_id, account_id)
        DO UPDATE SET read_seq = greatest(conversation_reader.read_seq, EXCLUDED.read_seq)
      """;

  private static final String MUTE_ROOM = "UPDATE room_member SET muted = ? WHERE account_id = ? AND room_id = ?";

  private static final String MUTE_CONVERSATION =
      """
      INSERT INTO conversation_reader (account_id, conversation_id, muted) VALUES (?, ?, ?)
      ON CONFLICT (conversation_id, account_id) DO UPDATE SET muted = EXCLUDED.muted
      """;

  /**
   * The counts of one channel ({@code %1$s} its condition on {@code m}, {@code %2$s} the viewer's
   * marker): of the first messages after the marker, the cap at most (a range scan of the channel's
   * seq index, whatever they are), those the viewer would be shown (not their own, not deleted, not
   * from someone they block) and those of them that mention the viewer. The scan is bounded by the cap
   * however few of them count.
   */
  private static final String COUNTED_AFTER_MARKER =
      """
      CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE next.shown) AS unread,
               count(*) FILTER (WHERE next.shown AND next.mentioned) AS mentioned
        FROM (
          SELECT m.deleted_at IS NULL AND m.sender_id <> me.id
                   AND NOT EXISTS (SELECT 1 FROM block b WHERE b.blocker_id = me.id AND b.blocked_id = m.sender_id) AS shown,
                 EXISTS (SELECT 1 FROM message_mention mm WHERE mm.message_id = m.id AND mm.account_id = me.id) AS mentioned
          FROM message m WHERE %1$s AND m.seq > %2$s ORDER BY m.seq LIMIT me.cap
        ) next
      ) counts
      """;

  private static final String ROOM_STATES =
      ("""
      WITH me AS (SELECT ?::bigint AS id, ?::int AS cap)
      SELECT r.name, r.last_seq, rm.read_seq, rm.muted, counts.unread, counts.mentioned
      FROM me JOIN room_member rm ON rm.account_id = me.id JOIN room r ON r.id = rm.room_id
      """
          + COUNTED_AFTER_MARKER.formatted("m.room_id = r.id", "rm.read_seq"));

  private static final String CONVERSATION_STATES =
      ("""
      WITH me AS (SELECT ?::bigint AS id, ?::int AS cap)
      SELECT c.last_seq, coalesce(cr.read_seq, 0), coalesce(cr.muted, false), counts.unread, counts.mentioned,
      """
          + UserColumns.of("o")
          + """

      FROM me JOIN conversation c ON c.user_low = me.id OR c.user_high = me.id
        JOIN account o ON o.id = CASE WHEN c.user_low = me.id THEN c.user_high ELSE c.user_low END
        LEFT JOIN conversation_reader cr ON cr.conversation_id = c.id AND cr.account_id = me.id
      """
          + COUNTED_AFTER_MARKER.formatted("m.conversation_id = c.id", "coalesce(cr.read_seq, 0)")
          + """
      WHERE c.last_seq > 0
      """);

  private DataSource dataSource;

  protected ReadStore() {}

  @Inject
  ReadStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The room of that name (ignoring case), and whether the account is a member of it. */
  Optional<Membership> room(String name, long accountId) {
    return Jdbc.withConnection(
        dataSource,
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(ROOM)) {
            Jdbc.bind(select, accountId, name);
            try (ResultSet row = select.executeQuery()) {
              return row.next()
                  ? Optional.of(new Membership(ReadChannel.room(row.getLong(1), row.getString(2), row.getLong(3)), row.getBoolean(4)))
                  : Optional.empty();
            }
          }
        });
  }

  /** A room found by name, and whether the one asking is a member of it. */
  record Membership(ReadChannel room, boolean member) {}

  /** The conversation of two users, if they ever had one. */
  Optional<ReadChannel> conversation(long accountId, User other) {
    return Jdbc.withConnection(
        dataSource,
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(CONVERSATION)) {
            Jdbc.bind(select, accountId, other.id(), accountId, other.id());
            try (ResultSet row = select.executeQuery()) {
              return row.next()
                  ? Optional.of(ReadChannel.conversation(row.getLong(1), other, row.getLong(2)))
                  : Optional.empty();
            }
          }
        });
  }

  /**
   * Writes markers in one transaction, handed over in a fixed order so that two nodes writing the same
   * rows seldom deadlock (the planner may still take the rows in another): PostgreSQL ends one of the
   * two, and its node writes the batch again at its next flush ({@link MarkerWriter}).
   */
  void write(Map<PendingMarkers.Key, Long> markers) {
    List<Map.Entry<PendingMarkers.Key, Long>> sorted = new ArrayList<>(markers.entrySet());
    sorted.sort(
        Comparator.comparing((Map.Entry<PendingMarkers.Key, Long> e) -> e.getKey().channelId())
            .thenComparing(e -> e.getKey().accountId()));
    Jdbc.inTransaction(
        dataSource,
        connection -> {
          write(connection, WRITE_ROOM_MARKERS, sorted.stream().filter(e -> e.getKey().isRoom()).toList());
          write(connection, WRITE_CONVERSATION_MARKERS, sorted.stream().filter(e -> !e.getKey().isRoom()).toList());
          return null;
        });
  }

  private static void write(Connection connection, String sql, List<Map.Entry<PendingMarkers.Key, Long>> markers)
      throws SQLException {
    if (markers.isEmpty()) {
      return;
    }
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      update.setArray(1, connection.createArrayOf("bigint", markers.stream().map(e -> e.getKey().accountId()).toArray()));
      update.setArray(2, connection.createArrayOf("bigint", markers.stream().map(e -> e.getKey().channelId()).toArray()));
      update.setArray(3, connection.createArrayOf("bigint", markers.stream().map(Map.Entry::getValue).toArray()));
      update.execute();
    }
  }

  void mute(long accountId, ReadChannel channel, boolean muted) {
    Jdbc.withConnection(
        dataSource,
        connection -> {
          if (channel.isRoom()) {
            Jdbc.update(connection, MUTE_ROOM, muted, accountId, channel.id());
          } else {
            Jdbc.update(connection, MUTE_CONVERSATION, accountId, channel.id(), muted);
          }
          return null;
        });
  }

  /** The account's rooms, then its conversations, each in name order, with counts up to {@code cap}. */
  List<ChannelState> channels(long accountId, int cap) {
    return Jdbc.withConnection(
        dataSource,
        connection -> {
          List<ChannelState> channels = new ArrayList<>();
          try (PreparedStatement select = connection.prepareStatement(ROOM_STATES + "ORDER BY lower(r.name)")) {
            Jdbc.bind(select, accountId, cap);
            try (ResultSet row = select.executeQuery()) {
              while (row.next()) {
                channels.add(
                    new ChannelState(
                        row.getString(1), null, row.getLong(2), row.getLong(3), row.getInt(5), row.getInt(6), row.getBoolean(4)));
              }
            }
          }
          try (PreparedStatement select = connection.prepareStatement(CONVERSATION_STATES + "ORDER BY lower(o.username)")) {
            Jdbc.bind(select, accountId, cap);
            try (ResultSet row = select.executeQuery()) {
              while (row.next()) {
                channels.add(
                    new ChannelState(
                        null, UserColumns.read(row, 6), row.getLong(1), row.getLong(2), row.getInt(4), row.getInt(5), row.getBoolean(3)));
              }
            }
          }
          return channels;
        });
  }
}
