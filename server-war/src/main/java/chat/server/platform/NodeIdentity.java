package chat.server.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name this node answers to in {@code X-Chat-Node} and {@code welcome}: CHAT_NODE_NAME or the host's. */
@ApplicationScoped
public class NodeIdentity {

  private String name;

  protected NodeIdentity() {}

  @Inject
  NodeIdentity(ChatConfig config) {
    this.name = config.nodeName().orElseGet(NodeIdentity::hostName);
  }

  public String name() {
    return name;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "node-" + ProcessHandle.current().pid();
    }
  }
}
