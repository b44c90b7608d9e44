package chat.server.search;

import chat.dto.ErrorCode;
import chat.dto.Message;
import chat.dto.SearchResults.Found;
import chat.server.database.Jdbc;
import chat.server.database.MessageColumns;
import chat.server.error.ChatException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SQL of search: the GIN index on {@code to_tsvector('simple', body)} (V8) finds the live messages
 * with the words, the caller's memberships and blocks narrow them, and a page of the best is read as
 * history reads messages. The expression here must be the index's, word for word, or PostgreSQL scans.
 */
@ApplicationScoped
class SearchStore {

  /** The SQLSTATE of a statement cancelled, here by the statement timeout. */
  private static final String CANCELLED = "57014";

  /**
   * The ids, ranks and marked texts of a page. Parameters: the query, the caller four times, then those
   * of the clauses added, then the limit.
   */
  private static final String FOUND =
      """
      WITH query AS (SELECT websearch_to_tsquery('simple', ?) AS q),
      found AS (
        SELECT m.id, m.body, query.q, ts_rank(to_tsvector('simple'::regconfig, m.body), query.q) AS rank
        FROM query CROSS JOIN message m
        WHERE to_tsvector('simple'::regconfig, m.body) @@ query.q AND m.deleted_at IS NULL
          AND (m.room_id IN (SELECT rm.room_id FROM room_member rm WHERE rm.account_id = ?)
            OR m.conversation_id IN (SELECT c.id FROM conversation c WHERE c.user_low = ? OR c.user_high = ?))
          AND NOT EXISTS (SELECT 1 FROM block b WHERE b.blocker_id = ? AND b.blocked_id = m.sender_id)
          %s
      )
      SELECT id, rank, ts_headline('simple', body, q, 'StartSel=%c,StopSel=%c,HighlightAll=true')
      FROM found %s ORDER BY rank DESC, id DESC LIMIT ?
      """;

  /**
   * What of the query the index can look up: {@code T} when every word is excluded ({@code -word}),
   * which only a read of the whole index answers; empty when it has no word at all.
   */
  private static final String LOOKED_UP = "SELECT querytree(websearch_to_tsquery('simple', ?))";

  private static final String IN_ROOM = "AND m.room_id = ?";
  private static final String FROM_SENDER =
      "AND m.sender_id = (SELECT u.id FROM account u WHERE lower(u.username) = lower(?))";
  private static final String AFTER_CURSOR = "WHERE (rank, id) < (?::real, ?)";

  /** The page's messages as history reads them, the live ones only: one deleted since the first statement is not found. */
  private static final String MESSAGES = MessageColumns.COLUMNS + "WHERE m.id = ANY(?) AND m.deleted_at IS NULL";

  private DataSource dataSource;
  private long timeoutMillis;

  protected SearchStore() {}

  @Inject
  SearchStore(DataSource dataSource, @ConfigProperty(name = "chat.search.timeout", defaultValue = "3") double seconds) {
    this.dataSource = dataSource;
    this.timeoutMillis = Math.max(1, Math.round(seconds * 1000));
  }

  /**
   * A page of what {@code words} find for the caller, best first, and where the next starts (null on the
   * last): counted on the rows the index found, so a message deleted meanwhile costs its place, never a page.
   */
  Page search(long callerId, String words, Long roomId, String from, SearchCursor before, int limit) {
    List<Object> parameters = new ArrayList<>(List.of(words, callerId, callerId, callerId, callerId));
    StringBuilder narrowed = new StringBuilder();
    if (roomId != null) {
      narrowed.append(IN_ROOM);
      parameters.add(roomId);
    }
    if (from != null) {
      narrowed.append(' ').append(FROM_SENDER);
      parameters.add(from);
    }
    String after = "";
    if (before != null) {
      after = AFTER_CURSOR;
      parameters.add(before.rank());
      parameters.add(before.id());
    }
    parameters.add(limit + 1);
    String sql = FOUND.formatted(narrowed, Headline.START, Headline.STOP, after);
    return Jdbc.inTransaction(
        dataSource,
        connection -> {
          // However many messages a query's words find, it holds a connection and a core for this long at most.
          Jdbc.update(connection, "SELECT set_config('statement_timeout', ?, true)", timeoutMillis + "ms");
          try {
            String looked = Jdbc.strings(connection, LOOKED_UP, words).get(0);
            if (looked.isEmpty()) {
              return new Page(List.of(), null);
            }
            if (looked.equals("T")) {
              throw ChatException.invalid(
                  "'q' needs a word the results must have: '-word', alone or after 'or', would find nearly every message");
            }
            return read(connection, callerId, sql, parameters, limit);
          } catch (SQLException e) {
            if (CANCELLED.equals(e.getSQLState())) {
              throw new ChatException(ErrorCode.UNAVAILABLE, "that search takes too long: narrow it with more words, a room or a sender");
            }
            throw e;
          }
        });
  }

  private static Page read(Connection connection, long callerId, String sql, List<Object> parameters, int limit)
      throws SQLException {
    List<SearchCursor> places = new ArrayList<>();
    List<String> marked = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      Jdbc.bind(select, parameters.toArray());
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          places.add(new SearchCursor(rows.getFloat(2), rows.getLong(1)));
          marked.add(rows.getString(3));
        }
      }
    }
    // One row past the limit says there is a next page, which starts after the page's last row.
    SearchCursor next = places.size() > limit ? places.get(limit - 1) : null;
    List<SearchCursor> page = places.subList(0, Math.min(limit, places.size()));
    if (page.isEmpty()) {
      return new Page(List.of(), null);
    }
    Map<Long, Message> messages = new HashMap<>();
    try (PreparedStatement select = connection.prepareStatement(MESSAGES)) {
      select.setLong(1, callerId);
      select.setArray(2, connection.createArrayOf("bigint", page.stream().map(SearchCursor::id).toArray()));
      for (Message message : MessageColumns.read(select)) {
        messages.put(message.id(), message);
      }
    }
    List<Found> found = new ArrayList<>();
    for (int i = 0; i < page.size(); i++) {
      Message message = messages.get(page.get(i).id());
      if (message != null) {
        found.add(new Found(message, Headline.of(marked.get(i))));
      }
    }
    return new Page(found, next);
  }

  /** The results of a page, and the place after which the next one starts, null on the last. */
  record Page(List<Found> found, SearchCursor next) {}
}
