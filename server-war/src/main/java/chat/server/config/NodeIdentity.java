package chat.server.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The name this node answers to in {@code X-Chat-Node}, {@code welcome} and presence: CHAT_NODE_NAME,
 * or a random id made at start. Never the host's name: that would tell every client about the
 * network behind the balancer.
 */
@ApplicationScoped
public class NodeIdentity {

  private String name;

  protected NodeIdentity() {}

  @Inject
  NodeIdentity(ChatConfig config) {
    this.name = config.nodeName().orElseGet(NodeIdentity::randomId);
  }

  public String name() {
    return name;
  }

  private static String randomId() {
    byte[] id = new byte[4];
    new SecureRandom().nextBytes(id);
    return "node-" + HexFormat.of().formatHex(id);
  }
}
