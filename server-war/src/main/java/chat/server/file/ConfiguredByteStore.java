package chat.server.file;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The {@link ByteStore} that {@code CHAT_FILE_STORE} names (docs/configuration.md). */
@ApplicationScoped
class ConfiguredByteStore {

  private ByteStore store;

  protected ConfiguredByteStore() {}

  @Inject
  ConfiguredByteStore(
      DataSource dataSource,
      @ConfigProperty(name = "chat.file.store", defaultValue = "database") String kind,
      @ConfigProperty(name = "chat.file.s3.bucket") Optional<String> bucket,
      @ConfigProperty(name = "chat.file.s3.region") Optional<String> region,
      @ConfigProperty(name = "chat.file.s3.endpoint") Optional<String> endpoint) {
    store =
        switch (kind) {
          case "database" -> new DatabaseByteStore(dataSource);
          case "s3" ->
              S3ByteStore.of(
                  required(bucket, "CHAT_FILE_S3_BUCKET", "the bucket"),
                  required(region, "CHAT_FILE_S3_REGION", "the bucket's region"),
                  endpoint.filter(uri -> !uri.isBlank()));
          default -> throw new IllegalArgumentException("CHAT_FILE_STORE is 'database' or 's3', not '" + kind + "'");
        };
  }

  private static String required(Optional<String> value, String variable, String what) {
    return value
        .filter(given -> !given.isBlank())
        .orElseThrow(() -> new IllegalArgumentException("CHAT_FILE_STORE is s3, and " + variable + " (" + what + ") is not set"));
  }

  /**
   * Made as the application starts (observing the start makes the bean), so that a store wrongly
   * configured stops the node there, not at its first upload.
   */
  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {}

  @Produces
  @ApplicationScoped
  ByteStore store() {
    return store;
  }

  @PreDestroy
  void stop() {
    if (store instanceof S3ByteStore s3) {
      s3.close();
    }
  }
}
