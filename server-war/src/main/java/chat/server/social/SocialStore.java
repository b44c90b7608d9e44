package chat.server.social;

import static chat.server.database.Jdbc.bind;
import static chat.server.database.Jdbc.update;

import chat.dto.Role;
import chat.dto.User;
import chat.server.database.Jdbc;
import chat.server.database.UserColumns;
import chat.server.error.DatabaseFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/** The SQL of friend requests, friendships and blocks; a pair of friends is stored smaller id first. */
@ApplicationScoped
public class SocialStore {

  private static final String USER_COLUMNS = "SELECT " + UserColumns.of("a") + " FROM account a ";

  /** Binds the two users of a statement about a pair once, as {@code p.me} and {@code p.other}. */
  private static final String PAIR = "WITH p (me, other) AS (VALUES (?::bigint, ?::bigint)) ";

  private static final String RELATION =
      PAIR
          + """
          SELECT
            EXISTS (SELECT 1 FROM friendship WHERE user_low = least(me, other) AND user_high = greatest(me, other)),
            EXISTS (SELECT 1 FROM friend_request WHERE requester_id = me AND addressee_id = other),
            EXISTS (SELECT 1 FROM friend_request WHERE requester_id = other AND addressee_id = me),
            EXISTS (SELECT 1 FROM block WHERE blocker_id = me AND blocked_id = other),
            EXISTS (SELECT 1 FROM block WHERE blocker_id = other AND blocked_id = me)
          FROM p
          """;

  private static final String LOCK_PAIR =
      "SELECT id FROM account WHERE id IN (?, ?) ORDER BY id FOR NO KEY UPDATE";

  private DataSource dataSource;

  protected SocialStore() {}

  @Inject
  SocialStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Runs {@code change} in one transaction, the pair's relation read under a lock on both accounts. */
  <T> T change(long me, long other, Change<T> change) {
    return Jdbc.inTransaction(
        dataSource,
        connection -> {
          update(connection, LOCK_PAIR, me, other);
          return change.apply(new Pair(connection, me, other, relation(connection, me, other)));
        });
  }

  /**
   * What a change sees and does: the two users, how they stood, and the statements to run, inside the
   * change's transaction.
   */
  record Pair(Connection connection, long me, long other, Relation relation) {

    private void update(Connection connection, String sql, Object... parameters) {
      try {
        Jdbc.update(connection, sql, parameters);
      } catch (SQLException e) {
        throw new DatabaseFailure(e.getSQLState(), e);
      }
    }

    void request() {
      update(
          connection,
          "INSERT INTO friend_request (requester_id, addressee_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
          me,
          other);
    }

    void befriend() {
      unfriend();
      update(
          connection,
          PAIR + "INSERT INTO friendship (user_low, user_high) SELECT least(me, other), greatest(me, other) FROM p",
          me,
          other);
    }

    /** Ends a friendship and any request either way. */
    void unfriend() {
      update(
          connection,
          PAIR + "DELETE FROM friendship USING p "
              + "WHERE user_low = least(me, other) AND user_high = greatest(me, other)",
          me,
          other);
      update(
          connection,
          PAIR + "DELETE FROM friend_request USING p "
              + "WHERE (requester_id, addressee_id) IN ((me, other), (other, me))",
          me,
          other);
    }

    void block() {
      update(
          connection,
          "INSERT INTO block (blocker_id, blocked_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
          me,
          other);
    }

    void unblock() {
      update(connection, "DELETE FROM block WHERE blocker_id = ? AND blocked_id = ?", me, other);
    }
  }

  @FunctionalInterface
  interface Change<T> {
    T apply(Pair pair);
  }

  public boolean friends(long a, long b) {
    return !users(
            PAIR + USER_COLUMNS + "JOIN friendship f ON a.id = f.user_low JOIN p "
                + "ON f.user_low = least(me, other) AND f.user_high = greatest(me, other)",
            a,
            b)
        .isEmpty();
  }

  public List<User> friendsOf(long userId) {
    return users(
        USER_COLUMNS + "JOIN friendship f ON (f.user_low = ? AND a.id = f.user_high) "
            + "OR (f.user_high = ? AND a.id = f.user_low) ORDER BY lower(a.username)",
        userId,
        userId);
  }

  public List<User> requestsTo(long userId) {
    return users(
        USER_COLUMNS + "JOIN friend_request r ON a.id = r.requester_id WHERE r.addressee_id = ? "
            + "ORDER BY r.created_at",
        userId);
  }

  public List<User> requestsFrom(long userId) {
    return users(
        USER_COLUMNS + "JOIN friend_request r ON a.id = r.addressee_id WHERE r.requester_id = ? "
            + "ORDER BY r.created_at",
        userId);
  }

  public List<User> blockedBy(long userId) {
    return users(
        USER_COLUMNS + "JOIN block b ON a.id = b.blocked_id WHERE b.blocker_id = ? "
            + "ORDER BY lower(a.username)",
        userId);
  }

  public Set<Long> blockedIds(long userId) {
    Set<Long> ids = new HashSet<>();
    for (User user : blockedBy(userId)) {
      ids.add(user.id());
    }
    return ids;
  }

  private static Relation relation(Connection connection, long me, long other) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(RELATION)) {
      statement.setLong(1, me);
      statement.setLong(2, other);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return new Relation(
            row.getBoolean(1), row.getBoolean(2), row.getBoolean(3), row.getBoolean(4), row.getBoolean(5));
      }
    }
  }

  private List<User> users(String sql, Object... parameters) {
    return Jdbc.withConnection(
        dataSource,
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            List<User> users = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                users.add(UserColumns.read(rows, 1));
              }
            }
            return users;
          }
        });
  }
}
