package chat.server.socket;

import chat.server.config.ChatConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * A graceful stop: the node first reports not ready, so the load balancer stops sending it new users,
 * waits {@code CHAT_DRAIN_SECONDS} for that to be seen, then tells every client to go elsewhere (1012,
 * service restart) so they reconnect through the load balancer to another node.
 */
@ApplicationScoped
public class Drain {

  private static final Logger LOG = Logger.getLogger(Drain.class.getName());

  private LocalSockets sockets;
  private ChatConfig config;
  private volatile boolean draining;
  private Thread stopping;

  protected Drain() {}

  @Inject
  Drain(LocalSockets sockets, ChatConfig config) {
    this.sockets = sockets;
    this.config = config;
  }

  /**
   * Created with the application, so that it is destroyed, and drains, when the node stops. A SIGTERM
   * starts the JVM's shutdown hooks together, Payara's undeployment among them, which takes the
   * application's parts down in no order: the hook marks the node draining from the first moment, so
   * that what fails meanwhile is answered "send again", not "internal error".
   */
  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    draining = false;
    stopping = new Thread(() -> draining = true, "chat-stopping");
    Runtime.getRuntime().addShutdownHook(stopping);
  }

  public boolean isDraining() {
    return draining;
  }

  @PreDestroy
  void drain() {
    draining = true;
    try {
      Runtime.getRuntime().removeShutdownHook(stopping);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is going: the hook ran or runs.
    }
    LOG.info(() -> "draining: not ready; closing " + sockets.count() + " sockets in "
        + config.drainSeconds() + " s");
    try {
      Thread.sleep(config.drainSeconds() * 1000L);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sockets.closeAll("node stopping; reconnect");
  }
}
