package chat.server.message;

import chat.server.database.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** The direct conversations: one per pair of users, whoever wrote first. */
@ApplicationScoped
class ConversationStore {

  private static final String CONVERSATION =
      "SELECT id FROM conversation WHERE user_low = least(?, ?) AND user_high = greatest(?, ?)";

  private static final String NEW_CONVERSATION =
      "INSERT INTO conversation (user_low, user_high) VALUES (least(?, ?), greatest(?, ?)) ON CONFLICT DO NOTHING";

  private DataSource dataSource;

  protected ConversationStore() {}

  @Inject
  ConversationStore(DataSource dataSource) {
    this.dataSource = dataSource;
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
}
