package chat.server.socket;

import chat.server.config.ChatConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import sun.misc.Signal;

/**
 * A graceful stop: the node first reports not ready, so the load balancer stops sending it new users
 * and requests, waits {@code CHAT_DRAIN_SECONDS} for that to be seen, then tells every client to go
 * elsewhere (1012, service restart) so they reconnect through the load balancer to another node, and
 * only then lets the container stop.
 *
 * <p>A SIGTERM would start the JVM's shutdown hooks at once, Payara's undeployment among them, which
 * takes the application's parts down in no order while the balancer still sends requests: those got
 * the container's own 500 and 503 pages (decision 0026). So the node takes SIGTERM itself: it drains
 * with every part still running, then exits as the signal would have (143), and the hooks find
 * nothing left to serve. An undeployment without the signal drains in {@link #drain} instead.
 */
@ApplicationScoped
public class Drain {

  private static final Logger LOG = Logger.getLogger(Drain.class.getName());
  /** What a JVM ended by SIGTERM exits with: 128 + 15. */
  private static final int TERMINATED = 143;

  private LocalSockets sockets;
  private ChatConfig config;
  private volatile boolean draining;
  private boolean drained;

  protected Drain() {}

  @Inject
  Drain(LocalSockets sockets, ChatConfig config) {
    this.sockets = sockets;
    this.config = config;
  }

  /** Created with the application, so that it takes SIGTERM from its start, and drains when it stops. */
  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    draining = false;
    Signal.handle(new Signal("TERM"), signal -> new Thread(this::stopGracefully, "chat-drain").start());
  }

  public boolean isDraining() {
    return draining;
  }

  private void stopGracefully() {
    drainNow();
    System.exit(TERMINATED);
  }

  @PreDestroy
  void drain() {
    drainNow();
  }

  private synchronized void drainNow() {
    if (drained) {
      return;
    }
    draining = true;
    LOG.info(() -> "draining: not ready; closing " + sockets.count() + " sockets in " + config.drainSeconds() + " s");
    try {
      Thread.sleep(config.drainSeconds() * 1000L);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sockets.closeAll("node stopping; reconnect");
    drained = true;
  }
}
