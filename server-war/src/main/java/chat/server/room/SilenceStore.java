package chat.server.room;

import chat.server.database.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/** The silences stored, for {@link Silences} to keep. */
@ApplicationScoped
class SilenceStore {

  private static final String IN_FORCE = "SELECT room_id, account_id, until FROM room_silence WHERE until > now()";

  private DataSource dataSource;

  protected SilenceStore() {}

  @Inject
  SilenceStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The silences in force, by room, then by user: until when. */
  Map<Long, Map<Long, Instant>> inForce() {
    return Jdbc.withConnection(
        dataSource,
        connection -> {
          Map<Long, Map<Long, Instant>> read = new HashMap<>();
          try (PreparedStatement select = connection.prepareStatement(IN_FORCE);
              ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              Instant until = rows.getObject(3, OffsetDateTime.class).toInstant();
              read.computeIfAbsent(rows.getLong(1), room -> new HashMap<>()).put(rows.getLong(2), until);
            }
          }
          return read;
        });
  }
}
