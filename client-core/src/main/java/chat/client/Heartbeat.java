package chat.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A socket's heartbeat, on its connection's event loop: a ping every beat the server asked for, and the
 * socket given up once nothing at all has come from the server for two beats. The server answers every
 * ping, so a node that has said nothing for that long is frozen or cut off, and its client resumes on
 * another one sooner than it would come back (the server drops a client silent for three beats). The
 * silence is checked four times a beat, so that it is noticed within a quarter beat of the second.
 */
final class Heartbeat {

  private static final int CHECKS_PER_BEAT = 4;

  private final ScheduledExecutorService loop;
  private final Clock clock;
  private Instant lastHeard = Instant.EPOCH;
  private Instant lastPinged = Instant.EPOCH;
  private Duration every = Duration.ZERO;
  private Runnable ping = () -> {};
  private Runnable silent = () -> {};
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
    this.every = every;
    this.ping = ping;
    this.silent = silent;
    lastPinged = clock.instant();
    long check = Math.max(1, every.toMillis() / CHECKS_PER_BEAT);
    beating = loop.scheduleAtFixedRate(this::check, check, check, TimeUnit.MILLISECONDS);
  }

  /** One look at the clock: the socket given up, a ping due, or nothing to do yet. */
  void check() {
    if (beating == null) {
      return;
    }
    Instant now = clock.instant();
    if (Duration.between(lastHeard, now).compareTo(every.multipliedBy(2)) > 0) {
      stop();
      silent.run();
    } else if (Duration.between(lastPinged, now).compareTo(every) >= 0) {
      lastPinged = now;
      ping.run();
    }
  }

  void stop() {
    if (beating != null) {
      beating.cancel(false);
      beating = null;
    }
  }
}
