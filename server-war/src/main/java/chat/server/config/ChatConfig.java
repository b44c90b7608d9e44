package chat.server.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every setting of a node, read once through MicroProfile Config, so each may come from an environment
 * variable ({@code CHAT_MAX_TEXT}) or a system property ({@code chat.max.text}). docs/configuration.md
 * lists them all.
 */
@ApplicationScoped
public class ChatConfig {

  private Path dataDir;
  private Optional<String> nodeName;
  private Optional<String> tokenSecret;
  private Optional<String> clusterSecret;
  private Duration tokenTtl;
  private int bcryptCost;
  private Optional<String> adminUsername;
  private Optional<String> adminPassword;
  private int maxTextLength;
  private int maxFrameBytes;
  private int heartbeatSeconds;
  private int sendQueueBytes;
  private int catchUpLimit;
  private int writeBatchSize;
  private int writeQueueCapacity;
  private Duration writeTimeout;
  private int drainSeconds;
  private int freezeSeconds;
  private Set<String> trustedProxies;
  private Set<String> allowedOrigins;

  protected ChatConfig() {}

  @Inject
  ChatConfig(
      @ConfigProperty(name = "chat.data.dir", defaultValue = "data") String dataDir,
      @ConfigProperty(name = "chat.node.name") Optional<String> nodeName,
      @ConfigProperty(name = "chat.token.secret") Optional<String> tokenSecret,
      @ConfigProperty(name = "chat.cluster.secret") Optional<String> clusterSecret,
      @ConfigProperty(name = "chat.token.ttl", defaultValue = "PT12H") String tokenTtl,
      @ConfigProperty(name = "chat.bcrypt.cost", defaultValue = "12") int bcryptCost,
      @ConfigProperty(name = "chat.admin.username") Optional<String> adminUsername,
      @ConfigProperty(name = "chat.admin.password") Optional<String> adminPassword,
      @ConfigProperty(name = "chat.max.text", defaultValue = "2000") int maxTextLength,
      @ConfigProperty(name = "chat.max.frame.bytes", defaultValue = "8192") int maxFrameBytes,
      @ConfigProperty(name = "chat.heartbeat.seconds", defaultValue = "25") int heartbeatSeconds,
      @ConfigProperty(name = "chat.send.queue.bytes", defaultValue = "1048576") int sendQueueBytes,
      @ConfigProperty(name = "chat.catchup.limit", defaultValue = "5000") int catchUpLimit,
      @ConfigProperty(name = "chat.write.batch", defaultValue = "500") int writeBatchSize,
      @ConfigProperty(name = "chat.write.queue", defaultValue = "50000") int writeQueueCapacity,
      @ConfigProperty(name = "chat.write.timeout.seconds", defaultValue = "5") int writeTimeoutSeconds,
      @ConfigProperty(name = "chat.drain.seconds", defaultValue = "5") int drainSeconds,
      @ConfigProperty(name = "chat.freeze.seconds", defaultValue = "10") int freezeSeconds,
      @ConfigProperty(name = "chat.trusted.proxies") Optional<String> trustedProxies,
      @ConfigProperty(name = "chat.allowed.origins") Optional<String> allowedOrigins) {
    this.dataDir = Path.of(dataDir).toAbsolutePath();
    this.nodeName = nodeName.filter(name -> !name.isBlank());
    this.tokenSecret = tokenSecret.filter(secret -> !secret.isBlank());
    this.clusterSecret = clusterSecret.filter(secret -> !secret.isBlank());
    this.tokenTtl = Duration.parse(tokenTtl);
    this.bcryptCost = bcryptCost;
    this.adminUsername = adminUsername.filter(name -> !name.isBlank());
    this.adminPassword = adminPassword.filter(password -> !password.isEmpty());
    this.maxTextLength = maxTextLength;
    this.maxFrameBytes = maxFrameBytes;
    this.heartbeatSeconds = heartbeatSeconds;
    this.sendQueueBytes = sendQueueBytes;
    this.catchUpLimit = catchUpLimit;
    this.writeBatchSize = writeBatchSize;
    this.writeQueueCapacity = writeQueueCapacity;
    this.writeTimeout = Duration.ofSeconds(writeTimeoutSeconds);
    this.drainSeconds = drainSeconds;
    this.freezeSeconds = freezeSeconds;
    this.trustedProxies = commaSeparated(trustedProxies);
    this.allowedOrigins = commaSeparated(allowedOrigins);
  }

  private static Set<String> commaSeparated(Optional<String> list) {
    return list.stream()
        .flatMap(items -> Arrays.stream(items.split(",")))
        .map(String::trim)
        .filter(item -> !item.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  public Path dataDir() {
    return dataDir;
  }

  public Optional<String> nodeName() {
    return nodeName;
  }

  public Optional<String> tokenSecret() {
    return tokenSecret;
  }

  /** The secret every node of a cluster shares to sign the events between them. */
  public Optional<String> clusterSecret() {
    return clusterSecret;
  }

  public Duration tokenTtl() {
    return tokenTtl;
  }

  public int bcryptCost() {
    return bcryptCost;
  }

  public Optional<String> adminUsername() {
    return adminUsername;
  }

  public Optional<String> adminPassword() {
    return adminPassword;
  }

  public int maxTextLength() {
    return maxTextLength;
  }

  public int maxFrameBytes() {
    return maxFrameBytes;
  }

  public int heartbeatSeconds() {
    return heartbeatSeconds;
  }

  /** A client silent for this long (no frame, not even a ping) is gone: three missed heartbeats. */
  public Duration idleTimeout() {
    return Duration.ofSeconds(3L * heartbeatSeconds);
  }

  /** What may wait for one slow client before it is closed; a catch-up is cut to fit well within it. */
  public int sendQueueBytes() {
    return sendQueueBytes;
  }

  public int catchUpLimit() {
    return catchUpLimit;
  }

  public int writeBatchSize() {
    return writeBatchSize;
  }

  public int writeQueueCapacity() {
    return writeQueueCapacity;
  }

  /**
   * How long a sender waits at most for its message to be stored: past it, the answer is
   * {@code unavailable} and the client sends again under the same clientId (the database may be away).
   */
  public Duration writeTimeout() {
    return writeTimeout;
  }

  /**
   * Peers whose {@code X-Forwarded-For} is believed (the load balancer's addresses); from anyone else
   * the header is ignored, so a client cannot forge its way past an address ban.
   */
  public Set<String> trustedProxies() {
    return trustedProxies;
  }

  /**
   * Web origins besides the page's own whose pages may open a WebSocket here (e.g.
   * {@code https://chat.example.com}), or {@code *} for any. Browsers name the origin of every
   * WebSocket; clients that are not browsers send none and are not concerned.
   */
  public Set<String> allowedOrigins() {
    return allowedOrigins;
  }

  /** How long a stopping node reports not ready before it closes its sockets. */
  public int drainSeconds() {
    return drainSeconds;
  }

  /**
   * How long the node may stand still (a stopped process, a stalled VM, a long pause) before it takes
   * itself for cut off from the cluster when it moves again: below the grid's heartbeat timeout, so
   * that every freeze the grid noticed is noticed here too.
   */
  public int freezeSeconds() {
    return freezeSeconds;
  }
}
