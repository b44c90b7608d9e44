package chat.server.database;

import chat.dto.Role;
import chat.dto.User;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How every store selects a {@link User}: the same five columns of {@code account}, read back in one
 * place, so each answer carries the profile as it is stored now (docs/protocol.md, "Profiles").
 */
public final class UserColumns {

  /** The number of columns {@link #of} selects. */
  public static final int COUNT = 5;

  private UserColumns() {}

  /** The columns of the account table aliased {@code alias}, for a SELECT list. */
  public static String of(String alias) {
    return "%1$s.id, %1$s.username, %1$s.role, %1$s.display_name, %1$s.status".formatted(alias);
  }

  /** The user whose columns start at {@code first} (1-based) in the current row. */
  public static User read(ResultSet row, int first) throws SQLException {
    return new User(
        row.getLong(first),
        row.getString(first + 1),
        Role.valueOf(row.getString(first + 2)),
        row.getString(first + 3),
        row.getString(first + 4));
  }
}
