package chat.bots;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/**
 * What a run did, with what a reader needs to trust it: the load offered and how late the generator
 * was, what was acknowledged and delivered, what is missing or came twice, and the latencies.
 * Latencies are in milliseconds, over the measured window only; counts are over the whole run.
 */
public record Report(
    Scenario scenario,
    String run,
    double measuredSeconds,
    long sent,
    long acknowledged,
    long deliveriesExpected,
    long deliveriesReceived,
    long missing,
    long duplicates,
    long repeats,
    long reconnects,
    long readMarkers,
    long typingHeard,
    Map<String, Long> refusals,
    double acknowledgedPerSecond,
    double deliveriesPerSecond,
    Latency acknowledgement,
    Latency senderToOthers,
    Latency sendLag,
    double generatorCpuPercent,
    List<Second> seconds) {

  /** One second of the run, as the report's time series shows it. */
  public record Second(
      long second,
      boolean measured,
      long sent,
      long acknowledged,
      long received,
      double deliveryP50Millis,
      double deliveryP99Millis,
      double cpuPercent) {}


  /** A latency distribution's summary, in milliseconds. */
  public record Latency(long count, double p50, double p90, double p99, double p999, double max) {

    static Latency of(Histogram micros) {
      if (micros.getTotalCount() == 0) {
        return new Latency(0, 0, 0, 0, 0, 0);
      }
      return new Latency(
          micros.getTotalCount(),
          millis(micros.getValueAtPercentile(50)),
          millis(micros.getValueAtPercentile(90)),
          millis(micros.getValueAtPercentile(99)),
          millis(micros.getValueAtPercentile(99.9)),
          millis(micros.getMaxValue()));
    }

    private static double millis(long micros) {
      return micros / 1000.0;
    }

    String line() {
      return String.format(
          "p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f ms  (%,d)", p50, p90, p99, p999, max, count);
    }
  }

  /**
   * The run as a whole from what its processes saw (one, unless spread with {@code --procs}):
   * counts add up, histograms merge, and the measured window is the longest one measured.
   */
  static Report of(Scenario scenario, String run, List<PartReport> parts) {
    Histogram acknowledgement = merged(parts, PartReport::acknowledgement);
    Histogram senderToOthers = merged(parts, PartReport::senderToOthers);
    Map<String, Long> refusals = new TreeMap<>();
    parts.forEach(part -> part.refusals().forEach((code, count) -> refusals.merge(code, count, Long::sum)));
    double seconds = parts.stream().mapToDouble(PartReport::measuredSeconds).max().orElse(0);
    long expected = parts.stream().mapToLong(PartReport::deliveriesExpected).sum();
    long received = parts.stream().mapToLong(PartReport::deliveriesReceived).sum();
    return new Report(
        scenario,
        run,
        seconds,
        parts.stream().mapToLong(PartReport::sent).sum(),
        parts.stream().mapToLong(PartReport::acknowledged).sum(),
        expected,
        received,
        Math.max(0, expected - received),
        parts.stream().mapToLong(PartReport::duplicates).sum(),
        parts.stream().mapToLong(PartReport::repeats).sum(),
        parts.stream().mapToLong(PartReport::reconnects).sum(),
        parts.stream().mapToLong(PartReport::readMarkers).sum(),
        parts.stream().mapToLong(PartReport::typingHeard).sum(),
        refusals,
        seconds == 0 ? 0 : acknowledgement.getTotalCount() / seconds,
        seconds == 0 ? 0 : senderToOthers.getTotalCount() / seconds,
        Latency.of(acknowledgement),
        Latency.of(senderToOthers),
        Latency.of(merged(parts, PartReport::sendLag)),
        parts.stream().mapToDouble(PartReport::generatorCpuPercent).sum(),
        PartReport.mergedSeconds(parts));
  }

  private static Histogram merged(List<PartReport> parts, Function<PartReport, String> histogram) {
    Histogram merged = Histograms.empty();
    parts.forEach(part -> merged.add(Histograms.decode(histogram.apply(part))));
    return merged;
  }

  /** Nothing missing and nothing twice: what a healthy cluster gives. */
  public boolean complete() {
    return missing == 0 && duplicates == 0 && acknowledged == sent;
  }

  public String text() {
    StringBuilder text = new StringBuilder();
    text.append(String.format("chat-bots run %s against %s%n", run, scenario.targets()));
    text.append(
        String.format(
            "  %d users, %d rooms x %d members, %d senders, %d messages/s offered, %d characters each%n",
            scenario.users(),
            scenario.rooms(),
            scenario.membersPerRoom(),
            scenario.senders(),
            scenario.rate(),
            scenario.messageSize()));
    if (scenario.directShare() > 0) {
      text.append(String.format("  %.0f%% of them direct messages to the sender's friend%n", 100 * scenario.directShare()));
    }
    if (scenario.spike().rate() > 0) {
      text.append(String.format("  spike to %d messages/s at %s for %s%n", scenario.spike().rate(), scenario.spike().at(), scenario.spike().length()));
    }
    if (scenario.churn() > 0) {
      text.append(String.format("  churn: %.1f bots a second drop their socket and resume%n", scenario.churn()));
    }
    if (scenario.habits().markRead()) {
      text.append("  every bot marks its channels read once a second\n");
    }
    if (scenario.habits().typeFirst()) {
      text.append("  every sender types before each message\n");
    }
    text.append(String.format("  warm-up %s, measured %.1f s%n", scenario.warmUp(), measuredSeconds));
    text.append(String.format("sent           %,d (acknowledged %,d, not acknowledged %,d)%n", sent, acknowledged, sent - acknowledged));
    text.append(String.format("deliveries     %,d expected, %,d received%n", deliveriesExpected, deliveriesReceived));
    text.append(String.format("missing        %,d%n", missing));
    text.append(String.format("duplicates     %,d (shown twice)%n", duplicates));
    text.append(String.format("repeats        %,d (came again live, dropped by client-core)%n", repeats));
    text.append(String.format("reconnects     %,d%n", reconnects));
    if (scenario.habits().markRead() || scenario.habits().typeFirst()) {
      text.append(String.format("habits         %,d read markers sent, %,d typing notices heard%n", readMarkers, typingHeard));
    }
    text.append(String.format("refusals       %s%n", refusals.isEmpty() ? "none" : refusals));
    text.append(
        String.format(
            "throughput     %,.0f messages/s acknowledged, %,.0f deliveries/s (measured window)%n",
            acknowledgedPerSecond,
            deliveriesPerSecond));
    text.append("acknowledgement  ").append(acknowledgement.line()).append('\n');
    text.append("sender-to-others ").append(senderToOthers.line()).append('\n');
    text.append("send lag         ").append(sendLag.line()).append('\n');
    text.append(String.format("generator CPU  %.0f%% of a core (measured window)%n", generatorCpuPercent));
    text.append(complete() ? "COMPLETE: nothing missing, nothing twice\n" : "INCOMPLETE: see missing, duplicates, not acknowledged\n");
    return text.toString();
  }
}
