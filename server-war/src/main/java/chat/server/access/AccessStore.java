package chat.server.access;

import static chat.server.database.Jdbc.strings;
import static chat.server.database.Jdbc.update;

import chat.server.database.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import javax.sql.DataSource;

/** The SQL of the bans in force and of the addresses users are seen at. */
@ApplicationScoped
public class AccessStore {

  private static final String SEEN =
      """
      INSERT INTO account_address (account_id, address) VALUES (?, ?::inet)
      ON CONFLICT (account_id, address) DO UPDATE SET last_seen = now()
      """;

  private DataSource dataSource;

  protected AccessStore() {}

  @Inject
  AccessStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  void seen(long userId, String address) {
    Jdbc.withConnection(
        dataSource,
        connection -> {
          update(connection, SEEN, userId, address);
          return null;
        });
  }

  List<Long> bannedUsers() {
    return Jdbc.withConnection(
        dataSource,
        connection ->
            strings(connection, "SELECT account_id::text FROM user_ban").stream().map(Long::valueOf).toList());
  }

  List<String> bannedAddresses() {
    return Jdbc.withConnection(dataSource, connection -> strings(connection, "SELECT host(address) FROM address_ban"));
  }
}
