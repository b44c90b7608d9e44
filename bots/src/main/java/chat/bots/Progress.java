package chat.bots;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.HdrHistogram.Histogram;

/**
 * Once a second: empties the latency recorders into that second's figures and the run's totals (only
 * once measuring began), prints one line, and notes the generator's own CPU.
 */
final class Progress {

  private final Tally tally;
  private final IntSupplier socketsUp;
  private final Console console;
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final long startNanos = System.nanoTime();
  private final List<Report.Second> seconds = new ArrayList<>();
  final Histogram acknowledgement = histogram();
  final Histogram delivery = histogram();
  final Histogram sendLag = histogram();
  private long measuredCpuNanos;
  private long measuredNanos;
  private long lastCpu = os.getProcessCpuTime();
  private long lastTick = System.nanoTime();
  private long lastSent;
  private long lastAcknowledged;
  private long lastReceived;
  private boolean measuring;

  Progress(Tally tally, IntSupplier socketsUp, Console console) {
    this.tally = tally;
    this.socketsUp = socketsUp;
    this.console = console;
  }

  /** From now on the seconds count towards the totals. */
  synchronized void startMeasuring() {
    tick();
    measuring = true;
  }

  synchronized void stopMeasuring() {
    tick();
    measuring = false;
  }

  synchronized void tick() {
    long now = System.nanoTime();
    long cpu = os.getProcessCpuTime();
    double cpuPercent = 100.0 * (cpu - lastCpu) / Math.max(1, now - lastTick);
    Histogram ack = tally.acknowledgement.getIntervalHistogram();
    Histogram received = tally.delivery.getIntervalHistogram();
    Histogram lag = tally.sendLag.getIntervalHistogram();
    if (measuring) {
      acknowledgement.add(ack);
      delivery.add(received);
      sendLag.add(lag);
      measuredCpuNanos += cpu - lastCpu;
      measuredNanos += now - lastTick;
    }
    long sent = tally.sent.sum();
    long acknowledged = tally.acknowledged.sum();
    long receivedCount = tally.received.sum();
    Report.Second second =
        new Report.Second(
            (now - startNanos) / 1_000_000_000L,
            measuring,
            sent - lastSent,
            acknowledged - lastAcknowledged,
            receivedCount - lastReceived,
            millis(received, 50),
            millis(received, 99),
            cpuPercent);
    seconds.add(second);
    console.say(
        "%4ds %-9s sockets %d  sent %d/s  acked %d/s  delivered %d/s  p50 %.1f ms  p99 %.1f ms  errors %s  cpu %.0f%%",
        second.second(),
        measuring ? "measured" : "warm-up",
        socketsUp.getAsInt(),
        second.sent(),
        second.acknowledged(),
        second.received(),
        second.deliveryP50Millis(),
        second.deliveryP99Millis(),
        tally.refusals(),
        cpuPercent);
    lastCpu = cpu;
    lastTick = now;
    lastSent = sent;
    lastAcknowledged = acknowledged;
    lastReceived = receivedCount;
  }

  synchronized List<Report.Second> seconds() {
    return List.copyOf(seconds);
  }

  /** The generator's CPU while measuring, in percent of one core. */
  synchronized double measuredCpuPercent() {
    return 100.0 * measuredCpuNanos / Math.max(1, measuredNanos);
  }

  synchronized double measuredSeconds() {
    return measuredNanos / 1e9;
  }

  private static Histogram histogram() {
    return new Histogram(3_600_000_000L, 3);
  }

  private static double millis(Histogram histogram, double percentile) {
    return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1000.0;
  }
}
