package chat.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A socket's heartbeat, on its connection's event loop: a ping every beat the server asked for, and the
 * socket given up when nothing at all has come from the server for two beats and five seconds (the
 * server drops a client silent for three).
 */
final class Heartbeat {

  private final ScheduledExecutorService loop;
  private final Clock clock;
  private Instant lastHeard = Instant.EPOCH;
  private ScheduledFuture<?> beating;

  Heartbeat(ScheduledExecutorService loop, Clock clock) {
    this.loop = loop;
    this.clock = clock;
  }

  /** Something came from the server. */
  void heard() {
    lastHeard = clock.instant();
  }

  /** Beats every {@code every}: {@code ping} while the server is heard, {@code silent} once it is not. */
  void start(Duration every, Runnable ping, Runnable silent) {
    stop();
    Duration deadAfter = every.multipliedBy(2).plusSeconds(5);
    beating =
        loop.scheduleAtFixedRate(
            () -> {
              if (Duration.between(lastHeard, clock.instant()).compareTo(deadAfter) > 0) {
                silent.run();
              } else {
                ping.run();
              }
            },
            every.toMillis(),
            every.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  void stop() {
    if (beating != null) {
      beating.cancel(false);
      beating = null;
    }
  }
}
