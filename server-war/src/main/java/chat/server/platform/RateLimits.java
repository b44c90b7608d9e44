package chat.server.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The node's rate limits (docs/configuration.md), each per user or per client address. */
@ApplicationScoped
public class RateLimits {

  private RateLimit messages;
  private RateLimit loginFailures;
  private RateLimit connections;

  protected RateLimits() {}

  @Inject
  RateLimits(
      @ConfigProperty(name = "chat.rate.messages", defaultValue = "20/10") String messages,
      @ConfigProperty(name = "chat.rate.login.failures", defaultValue = "10/60") String loginFailures,
      @ConfigProperty(name = "chat.rate.connections", defaultValue = "60/10") String connections) {
    this.messages = RateLimit.parse("messages", messages);
    this.loginFailures = RateLimit.parse("failed logins from this address", loginFailures);
    this.connections = RateLimit.parse("connections from this address", connections);
  }

  /** Room and direct messages, per user. */
  public RateLimit messages() {
    return messages;
  }

  /** Failed logins, per address: past it, even the right password waits. */
  public RateLimit loginFailures() {
    return loginFailures;
  }

  /** New WebSocket connections, per address. */
  public RateLimit connections() {
    return connections;
  }
}
