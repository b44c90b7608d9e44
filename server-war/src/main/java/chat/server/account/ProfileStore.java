package chat.server.account;

import chat.server.database.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The SQL of profiles: reading many at once, and finding who sees a user. */
@ApplicationScoped
public class ProfileStore {

  private static final String PROFILES =
      "SELECT id, display_name, status, profile_version FROM account WHERE id = ANY(?)";

  /** Everyone who has joined a room the user has joined, the user's friends, and the user. */
  private static final String AUDIENCE =
      """
      SELECT others.account_id FROM room_member mine JOIN room_member others ON others.room_id = mine.room_id
      WHERE mine.account_id = ?
      UNION SELECT CASE WHEN user_low = ? THEN user_high ELSE user_low END FROM friendship
      WHERE user_low = ? OR user_high = ?
      UNION SELECT ?::bigint
      """;

  private DataSource dataSource;

  protected ProfileStore() {}

  @Inject
  ProfileStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  Map<Long, Profile> read(Collection<Long> userIds) {
    return Jdbc.withConnection(
        dataSource,
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(PROFILES)) {
            select.setArray(1, connection.createArrayOf("bigint", userIds.toArray()));
            Map<Long, Profile> profiles = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                profiles.put(rows.getLong(1), new Profile(rows.getString(2), rows.getString(3), rows.getInt(4)));
              }
            }
            return profiles;
          }
        });
  }

  List<Long> audienceOf(long userId) {
    return Jdbc.withConnection(
        dataSource,
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(AUDIENCE)) {
            Jdbc.bind(select, userId, userId, userId, userId, userId);
            List<Long> audience = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                audience.add(rows.getLong(1));
              }
            }
            return audience;
          }
        });
  }
}
