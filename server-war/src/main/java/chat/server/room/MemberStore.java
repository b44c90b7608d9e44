package chat.server.room;

import chat.dto.User;
import chat.server.database.Jdbc;
import chat.server.database.UserColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** A room's members as stored, a page at a time, for {@link MemberList}. */
@ApplicationScoped
class MemberStore {

  /**
   * Banned users are left out: they are nowhere in the chat, and their sockets are closed. Names are
   * compared byte by byte (usernames are ASCII), whatever the database's locale, so that a page goes on
   * where the last ended and clients sort as the server does.
   */
  private static final String PAGE =
      "SELECT "
          + UserColumns.of("a")
          + ", rm.moderator FROM room_member rm JOIN account a ON a.id = rm.account_id"
          + " WHERE rm.room_id = ? AND lower(a.username) COLLATE \"C\" > lower(?)"
          + " AND NOT EXISTS (SELECT 1 FROM user_ban b WHERE b.account_id = a.id)"
          + " ORDER BY lower(a.username) COLLATE \"C\" LIMIT ?";

  /** A member: the account, and whether it moderates the room. */
  record Row(User user, boolean moderator) {}

  private DataSource dataSource;

  protected MemberStore() {}

  @Inject
  MemberStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Up to {@code limit} members of the room after the username {@code after} ("": from the first), by username. */
  List<Row> page(long roomId, String after, int limit) {
    return Jdbc.withConnection(
        dataSource,
        connection -> {
          List<Row> page = new ArrayList<>();
          try (PreparedStatement select = connection.prepareStatement(PAGE)) {
            select.setLong(1, roomId);
            select.setString(2, after);
            select.setInt(3, limit);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                page.add(new Row(UserColumns.read(rows, 1), rows.getBoolean(UserColumns.COUNT + 1)));
              }
            }
          }
          return page;
        });
  }
}
