package chat.server.database;

import chat.server.error.DatabaseFailure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The few plain-JDBC moves the stores share. Every statement runs through {@link #withConnection} or
 * {@link #inTransaction}, so the stores fail one way only: {@link DatabaseFailure}.
 */
public final class Jdbc {

  private Jdbc() {}

  @FunctionalInterface
  public interface Work<T> {
    T apply(Connection connection) throws SQLException;
  }

  /** SQLSTATE class 08, a connection exception: what the pool's refusal to hand one out amounts to. */
  private static final String NO_CONNECTION = "08000";

  /** Runs {@code work} on a connection of the pool; a failure of the database is a DatabaseFailure. */
  public static <T> T withConnection(DataSource dataSource, Work<T> work) {
    Connection connection;
    try {
      connection = dataSource.getConnection();
    } catch (SQLException e) {
      // The pool's own refusal (the database unreachable, the wait for a connection over) carries no
      // state of its own: the database is away, all the same.
      throw new DatabaseFailure(e.getSQLState() != null ? e.getSQLState() : NO_CONNECTION, e);
    }
    try (connection) {
      return work.apply(connection);
    } catch (SQLException e) {
      throw new DatabaseFailure(e.getSQLState(), e);
    }
  }

  /** Runs {@code work} in one transaction, rolled back on any failure. */
  public static <T> T inTransaction(DataSource dataSource, Work<T> work) {
    return withConnection(
        dataSource,
        connection -> {
          connection.setAutoCommit(false);
          try {
            T result = work.apply(connection);
            connection.commit();
            return result;
          } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
          } finally {
            connection.setAutoCommit(true);
          }
        });
  }

  /** Runs one statement with its parameters in order: the rows it changed (-1 for a query). */
  public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      statement.execute();
      return statement.getUpdateCount();
    }
  }

  public static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
  }

  /** Runs one query and answers its first column, as text. */
  public static List<String> strings(Connection connection, String sql, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      List<String> values = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    }
  }
}
