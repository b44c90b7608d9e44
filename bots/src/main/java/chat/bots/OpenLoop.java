package chat.bots;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends at a fixed total rate, evenly spaced, whatever the server does: the i-th message is due at
 * {@code start + i / rate}. A message sent late is still sent, and its lateness is recorded as send lag,
 * so an overloaded generator shows in the report instead of lowering the load it claims to offer. The
 * senders take turns.
 */
final class OpenLoop implements Runnable {

  /** A sender and the room it sends to. */
  record Slot(Bot bot, String room) {}

  private final List<Slot> slots;
  private final int rate;
  private final int messageSize;
  private final Tally tally;
  private volatile boolean running = true;

  OpenLoop(List<Slot> slots, int rate, int messageSize, Tally tally) {
    this.slots = List.copyOf(slots);
    this.rate = rate;
    this.messageSize = messageSize;
    this.tally = tally;
  }

  @Override
  public void run() {
    if (rate == 0 || slots.isEmpty()) {
      return;
    }
    long start = System.nanoTime();
    double periodNanos = TimeUnit.SECONDS.toNanos(1) / (double) rate;
    for (long i = 0; running; i++) {
      long due = start + (long) (i * periodNanos);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
        if (!running) {
          return;
        }
      }
      Slot slot = slots.get((int) (i % slots.size()));
      slot.bot().send(slot.room(), messageSize);
      tally.sent(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - due));
    }
  }

  void stop() {
    running = false;
  }
}
