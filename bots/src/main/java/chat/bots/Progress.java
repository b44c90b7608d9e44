package chat.bots;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.HdrHistogram.Histogram;

/**
 * Once a second: empties the latency recorders into that second's figures and the run's totals (only
 * once measuring began), hands the second on (a progress line, or the first process of a spread run),
 * and notes the generator's own CPU.
 */
final class Progress {

  private final Tally tally;
  private final IntSupplier socketsUp;
  private final Consumer<PartReport.Second> onSecond;
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final List<PartReport.Second> seconds = new ArrayList<>();
  private final Histogram acknowledgement = Histograms.empty();
  private final Histogram delivery = Histograms.empty();
  private final Histogram sendLag = Histograms.empty();
  private long measuredCpuNanos;
  private long measuredNanos;
  /** The deliveries heard in the second under way. */
  private final Histogram secondsDeliveries = Histograms.empty();
  private long lastCpu = os.getProcessCpuTime();
  private long lastNanos = System.nanoTime();
  private long lastTickCpu = lastCpu;
  private long lastTickNanos = lastNanos;
  private long ticks;
  private long lastSent;
  private long lastAcknowledged;
  private long lastReceived;
  private boolean measuring;

  Progress(Tally tally, IntSupplier socketsUp, Consumer<PartReport.Second> onSecond) {
    this.tally = tally;
    this.socketsUp = socketsUp;
    this.onSecond = onSecond;
  }

  /** From now on the seconds count towards the totals. */
  synchronized void startMeasuring() {
    account();
    measuring = true;
  }

  synchronized void stopMeasuring() {
    account();
    measuring = false;
  }

  /** A second passed: its figures are recorded and handed on. */
  synchronized void tick() {
    account();
    long now = System.nanoTime();
    long cpu = os.getProcessCpuTime();
    long sent = tally.sent.sum();
    long acknowledged = tally.acknowledged.sum();
    long received = tally.received.sum();
    PartReport.Second second =
        new PartReport.Second(
            ++ticks,
            measuring,
            socketsUp.getAsInt(),
            sent - lastSent,
            acknowledged - lastAcknowledged,
            received - lastReceived,
            Histograms.encode(secondsDeliveries),
            100.0 * (cpu - lastTickCpu) / Math.max(1, now - lastTickNanos),
            tally.refusals());
    secondsDeliveries.reset();
    lastTickCpu = cpu;
    lastTickNanos = now;
    lastSent = sent;
    lastAcknowledged = acknowledged;
    lastReceived = received;
    seconds.add(second);
    onSecond.accept(second);
  }

  /** What this process saw; call once the run is over. */
  synchronized PartReport report(long duplicates, long repeats, long reconnects) {
    return new PartReport(
        measuredNanos / 1e9,
        tally.sent.sum(),
        tally.acknowledged.sum(),
        tally.expected.sum(),
        tally.received.sum(),
        duplicates,
        repeats,
        reconnects,
        tally.readMarkers.sum(),
        tally.typingHeard.sum(),
        tally.refusals(),
        Histograms.encode(acknowledgement),
        Histograms.encode(delivery),
        Histograms.encode(sendLag),
        100.0 * measuredCpuNanos / Math.max(1, measuredNanos),
        List.copyOf(seconds));
  }

  /**
   * Takes what was recorded since the last call into this second's latencies and, when measuring, into
   * the totals: measuring starts and stops between ticks, and each part counts where it belongs.
   */
  private void account() {
    long now = System.nanoTime();
    long cpu = os.getProcessCpuTime();
    Histogram ack = tally.acknowledgement.getIntervalHistogram();
    Histogram received = tally.delivery.getIntervalHistogram();
    Histogram lag = tally.sendLag.getIntervalHistogram();
    secondsDeliveries.add(received);
    if (measuring) {
      acknowledgement.add(ack);
      delivery.add(received);
      sendLag.add(lag);
      measuredCpuNanos += cpu - lastCpu;
      measuredNanos += now - lastNanos;
    }
    lastCpu = cpu;
    lastNanos = now;
  }
}
