package chat.server.socket;

import chat.server.platform.ChatConfig;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes sockets whose client has been silent for three heartbeats. One sweep for the whole node each
 * heartbeat, instead of a timer per socket restarted on every frame.
 */
@ApplicationScoped
public class IdleSockets {

  @Resource ManagedScheduledExecutorService scheduler;

  private LocalSockets sockets;
  private ChatConfig config;
  private ScheduledFuture<?> sweeps;

  protected IdleSockets() {}

  @Inject
  IdleSockets(LocalSockets sockets, ChatConfig config) {
    this.sockets = sockets;
    this.config = config;
  }

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    long period = config.heartbeatSeconds();
    sweeps = scheduler.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.SECONDS);
  }

  private void sweep() {
    long silentSince = System.nanoTime() - config.idleTimeout().toNanos();
    CloseReason reason =
        new CloseReason(
            CloseReason.CloseCodes.GOING_AWAY,
            "no frame for " + config.idleTimeout().toSeconds() + " s; ping every heartbeat");
    for (Connection socket : sockets.all()) {
      if (socket.silentSince(silentSince)) {
        socket.close(reason);
      }
    }
  }

  @PreDestroy
  void stop() {
    if (sweeps != null) {
      sweeps.cancel(false);
    }
  }
}
