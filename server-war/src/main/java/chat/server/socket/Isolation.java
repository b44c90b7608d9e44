package chat.server.socket;

import chat.dto.ErrorCode;
import chat.server.error.ChatException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Whether this node is cut off from the cluster. What the other nodes publish does not reach it then,
 * so it must not serve sockets: it closes those it has (1012, so their clients resume with afterSeq,
 * through the balancer, elsewhere), refuses new ones and reports not ready until it is a member again
 * (docs/decisions/0016). The cluster package says when.
 */
@ApplicationScoped
public class Isolation {

  private static final Logger LOG = Logger.getLogger(Isolation.class.getName());

  private LocalSockets sockets;
  private volatile String reason;

  protected Isolation() {}

  @Inject
  Isolation(LocalSockets sockets) {
    this.sockets = sockets;
  }

  /** Out of service from now on; the sockets still open are closed. */
  public void begin(String why) {
    reason = why;
    LOG.warning(() -> "cut off from the cluster (" + why + "): not ready; closing " + sockets.count() + " sockets");
    sockets.closeAll("node was cut off from the cluster; reconnect");
  }

  /** A member of the cluster again: serves again. */
  public void end() {
    if (reason != null) {
      LOG.info(() -> "a member of the cluster again after: " + reason);
      reason = null;
    }
  }

  public boolean isIsolated() {
    return reason != null;
  }

  /** Refuses a new socket while cut off. */
  void check() {
    if (isIsolated()) {
      throw new ChatException(ErrorCode.UNAVAILABLE, "this node is rejoining its cluster; try again");
    }
  }
}
