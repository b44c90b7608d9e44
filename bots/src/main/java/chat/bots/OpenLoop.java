package chat.bots;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends at the scenario's total rate, evenly spaced, whatever the server does: each message is due one
 * period (1 / the rate at that moment) after the one before. A message sent late is still sent, and
 * its lateness is recorded as send lag, so an overloaded generator shows in the report instead of
 * lowering the load it claims to offer. The senders take turns; the scenario's direct share of the
 * messages go to the sender's friend instead of its room.
 */
final class OpenLoop implements Runnable {

  /** A sender, the room it sends to, and its friend (null if it has none) for direct messages. */
  record Slot(Bot bot, String room, String friend) {}

  private final List<Slot> slots;
  private final double share;
  private final Scenario scenario;
  private final Tally tally;
  private volatile boolean running = true;

  /** {@code share}: of the scenario's rate, this process's (its senders' share of all senders). */
  OpenLoop(List<Slot> slots, double share, Scenario scenario, Tally tally) {
    this.slots = List.copyOf(slots);
    this.share = share;
    this.scenario = scenario;
    this.tally = tally;
  }

  @Override
  public void run() {
    if (scenario.rate() == 0 || slots.isEmpty()) {
      return;
    }
    long start = System.nanoTime();
    double dueSinceStart = 0;
    for (long i = 0; running; i++) {
      long due = start + (long) dueSinceStart;
      dueSinceStart += TimeUnit.SECONDS.toNanos(1) / (share * scenario.rateAt(Duration.ofNanos((long) dueSinceStart)));
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
        if (!running) {
          return;
        }
      }
      Slot slot = slots.get((int) (i % slots.size()));
      if (slot.friend() != null && scenario.isDirect(i)) {
        slot.bot().sendDirect(slot.friend(), scenario.messageSize());
      } else {
        slot.bot().send(slot.room(), scenario.messageSize());
      }
      tally.sent(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - due));
    }
  }

  void stop() {
    running = false;
  }
}
