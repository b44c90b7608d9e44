package chat.server.moderation;

import static chat.server.database.Jdbc.strings;
import static chat.server.database.Jdbc.update;

import chat.dto.AdminUser;
import chat.dto.Bans;
import chat.dto.Role;
import chat.dto.User;
import chat.server.database.Jdbc;
import chat.server.database.UserColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/** The SQL of banning and unbanning, and of the administrators' user and ban lists. */
@ApplicationScoped
public class ModerationStore {

  private static final String BAN_USER =
      """
      INSERT INTO user_ban (account_id, reason, banned_by) VALUES (?, ?, ?)
      ON CONFLICT (account_id) DO UPDATE SET reason = excluded.reason, banned_by = excluded.banned_by,
        banned_at = now()
      """;

  private static final String BAN_ADDRESSES =
      """
      INSERT INTO address_ban (address, account_id, reason, banned_by)
      SELECT address, account_id, ?, ? FROM account_address WHERE account_id = ?
      ON CONFLICT (address) DO NOTHING
      """;

  private static final String END_TOKENS =
      "UPDATE account SET token_version = token_version + 1 WHERE id = ? RETURNING token_version::text";

  private static final String ADDRESSES_OF =
      "SELECT host(address) FROM account_address WHERE account_id = ? ORDER BY last_seen DESC";

  private static final String UNBAN_ADDRESSES =
      "DELETE FROM address_ban WHERE account_id = ? RETURNING host(address)";

  private static final String ADMIN_USERS =
      """
      SELECT a.id, a.username, a.role, EXISTS (SELECT 1 FROM user_ban b WHERE b.account_id = a.id),
        ARRAY(SELECT host(address) FROM account_address s WHERE s.account_id = a.id
              ORDER BY last_seen DESC LIMIT 5),
        a.display_name
      FROM account a WHERE a.username ILIKE ? ESCAPE '\\' AND a.role <> 'SERVICE'
      ORDER BY lower(a.username) LIMIT 200
      """;

  private static final String USER_BANS =
      """
      SELECT b.reason, admin.username, b.banned_at, %s
      FROM user_ban b JOIN account a ON a.id = b.account_id LEFT JOIN account admin ON admin.id = b.banned_by
      ORDER BY b.banned_at
      """
          .formatted(UserColumns.of("a"));

  private static final String ADDRESS_BANS =
      """
      SELECT host(b.address), a.username, b.reason, b.banned_at
      FROM address_ban b LEFT JOIN account a ON a.id = b.account_id ORDER BY b.banned_at
      """;

  private DataSource dataSource;

  protected ModerationStore() {}

  @Inject
  ModerationStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** What a ban did: the addresses banned with the user, and the user's new token version. */
  record Ban(List<String> addresses, int tokenVersion) {}

  /**
   * Bans a user, and with {@code addresses} every address they were seen at, and ends every token of
   * theirs: an unban does not bring old logins back.
   */
  Ban ban(long userId, String reason, long bannedBy, boolean addresses) {
    return Jdbc.inTransaction(
        dataSource,
        connection -> {
          update(connection, BAN_USER, userId, reason, bannedBy);
          int tokenVersion = Integer.parseInt(strings(connection, END_TOKENS, userId).get(0));
          if (!addresses) {
            return new Ban(List.of(), tokenVersion);
          }
          update(connection, BAN_ADDRESSES, reason, bannedBy, userId);
          return new Ban(strings(connection, ADDRESSES_OF, userId), tokenVersion);
        });
  }

  /** Lifts a user's ban and the address bans that came with it; answers the addresses freed. */
  List<String> unban(long userId) {
    return Jdbc.inTransaction(
        dataSource,
        connection -> {
          update(connection, "DELETE FROM user_ban WHERE account_id = ?", userId);
          return strings(connection, UNBAN_ADDRESSES, userId);
        });
  }

  List<AdminUser> users(String query) {
    String pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    return Jdbc.withConnection(
        dataSource,
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(ADMIN_USERS)) {
            statement.setString(1, pattern);
            List<AdminUser> users = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                Array ips = rows.getArray(5);
                users.add(
                    new AdminUser(
                        rows.getLong(1),
                        rows.getString(2),
                        rows.getString(6),
                        Role.valueOf(rows.getString(3)),
                        rows.getBoolean(4),
                        Arrays.asList((String[]) ips.getArray()),
                        false));
              }
            }
            return users;
          }
        });
  }

  Bans bans() {
    return Jdbc.withConnection(
        dataSource,
        connection -> {
          List<Bans.UserBan> users = new ArrayList<>();
          try (PreparedStatement statement = connection.prepareStatement(USER_BANS);
              ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              User user = UserColumns.read(rows, 4);
              users.add(new Bans.UserBan(user, rows.getString(1), rows.getString(2), instant(rows, 3)));
            }
          }
          List<Bans.AddressBan> addresses = new ArrayList<>();
          try (PreparedStatement statement = connection.prepareStatement(ADDRESS_BANS);
              ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              addresses.add(
                  new Bans.AddressBan(rows.getString(1), rows.getString(2), rows.getString(3), instant(rows, 4)));
            }
          }
          return new Bans(users, addresses);
        });
  }

  private static Instant instant(ResultSet rows, int column) throws SQLException {
    return rows.getObject(column, OffsetDateTime.class).toInstant();
  }

}
