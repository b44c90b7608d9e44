package chat.server.integration;

import chat.dto.ApiKey;
import chat.dto.User;
import chat.server.database.Jdbc;
import chat.server.database.UserColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The SQL of API keys. Only a hash of each secret is stored. */
@ApplicationScoped
public class ApiKeyStore {

  private static final String KEY_COLUMNS =
      "SELECT k.id, k.scopes, k.created_at, k.last_used_at, k.secret_hash, " + UserColumns.of("a")
          + " FROM api_key k JOIN account a ON a.id = k.service_id ";

  private static final String INSERT =
      "INSERT INTO api_key (service_id, scopes, secret_hash, created_by) VALUES (?, ?, ?, ?) RETURNING id";

  private static final String ACTIVE = KEY_COLUMNS + "WHERE k.revoked_at IS NULL ORDER BY k.id";

  private static final String ONE_ACTIVE = KEY_COLUMNS + "WHERE k.id = ? AND k.revoked_at IS NULL";

  private static final String REVOKE =
      "UPDATE api_key SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL";

  private static final String USED = "UPDATE api_key SET last_used_at = now() WHERE id = ?";

  /** A key as stored: what administrators see of it, and the hash its secret must match. */
  record StoredKey(ApiKey key, byte[] secretHash) {}

  private DataSource dataSource;

  protected ApiKeyStore() {}

  @Inject
  ApiKeyStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  long insert(long serviceId, List<String> scopes, byte[] secretHash, long createdBy) {
    return Jdbc.withConnection(
        dataSource,
        connection -> {
          try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setLong(1, serviceId);
            insert.setArray(2, connection.createArrayOf("text", scopes.toArray()));
            insert.setBytes(3, secretHash);
            insert.setLong(4, createdBy);
            try (ResultSet row = insert.executeQuery()) {
              row.next();
              return row.getLong(1);
            }
          }
        });
  }

  List<ApiKey> active() {
    return Jdbc.withConnection(
        dataSource,
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(ACTIVE);
              ResultSet rows = select.executeQuery()) {
            List<ApiKey> keys = new ArrayList<>();
            while (rows.next()) {
              keys.add(read(rows).key());
            }
            return keys;
          }
        });
  }

  /** The key if it exists and is not revoked: checked on every call, so a revocation holds at once. */
  Optional<StoredKey> active(long keyId) {
    return Jdbc.withConnection(
        dataSource,
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(ONE_ACTIVE)) {
            select.setLong(1, keyId);
            try (ResultSet row = select.executeQuery()) {
              return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
          }
        });
  }

  /** False when there was no such key, or it was revoked already. */
  boolean revoke(long keyId) {
    return Jdbc.withConnection(
        dataSource,
        connection -> {
          try (PreparedStatement update = connection.prepareStatement(REVOKE)) {
            update.setLong(1, keyId);
            return update.executeUpdate() == 1;
          }
        });
  }

  void used(long keyId) {
    Jdbc.withConnection(
        dataSource,
        connection -> {
          Jdbc.update(connection, USED, keyId);
          return null;
        });
  }

  private static StoredKey read(ResultSet row) throws SQLException {
    Array scopes = row.getArray(2);
    OffsetDateTime lastUsed = row.getObject(4, OffsetDateTime.class);
    User service = UserColumns.read(row, 6);
    ApiKey key =
        new ApiKey(
            row.getLong(1),
            service.username(),
            Arrays.asList((String[]) scopes.getArray()),
            row.getObject(3, OffsetDateTime.class).toInstant(),
            lastUsed == null ? null : lastUsed.toInstant(),
            service);
    return new StoredKey(key, row.getBytes(5));
  }
}
