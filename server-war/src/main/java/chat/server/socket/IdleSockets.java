package chat.server.socket;

import chat.server.config.ChatConfig;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes sockets whose client has been silent for three heartbeats (1001), and those whose token has
 * expired (4001: a socket does not outlive its login). One sweep for the whole node each heartbeat,
 * instead of a timer per socket restarted on every frame.
 */
@ApplicationScoped
public class IdleSockets {

  private static final CloseReason TOKEN_EXPIRED =
      new CloseReason(CloseCodes.UNAUTHORIZED, "token expired; log in again");

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
    long now = Instant.now().getEpochSecond();
    for (ClientSocket socket : sockets.all()) {
      if (socket.silentSince(silentSince)) {
        socket.close(reason);
      } else if (socket.tokenExpiredAt(now)) {
        socket.close(TOKEN_EXPIRED);
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
