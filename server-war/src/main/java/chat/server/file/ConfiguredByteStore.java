package chat.server.file;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The {@link ByteStore} that {@code CHAT_FILE_STORE} names (docs/configuration.md). */
@ApplicationScoped
class ConfiguredByteStore {

  private DataSource dataSource;
  private String kind;

  protected ConfiguredByteStore() {}

  @Inject
  ConfiguredByteStore(DataSource dataSource, @ConfigProperty(name = "chat.file.store", defaultValue = "database") String kind) {
    this.dataSource = dataSource;
    this.kind = kind;
  }

  @Produces
  @ApplicationScoped
  ByteStore store() {
    if (kind.equals("database")) {
      return new DatabaseByteStore(dataSource);
    }
    throw new IllegalArgumentException("CHAT_FILE_STORE is 'database', not '" + kind + "'");
  }
}
