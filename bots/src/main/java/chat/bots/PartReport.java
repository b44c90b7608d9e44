package chat.bots;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What one process saw of a run: its counts, the refusals it met, its latency histograms (encoded,
 * microseconds, measured window only) and its seconds. A run in one process has one; the processes of
 * a run spread over several ({@code --procs}) each hand theirs to the first, which merges them into one
 * {@link Report} without losing a count or a percentile's precision.
 */
public record PartReport(
    double measuredSeconds,
    long sent,
    long acknowledged,
    long deliveriesExpected,
    long deliveriesReceived,
    long duplicates,
    long repeats,
    long reconnects,
    long readMarkers,
    long typingHeard,
    Map<String, Long> refusals,
    String acknowledgement,
    String senderToOthers,
    String sendLag,
    double generatorCpuPercent,
    List<Second> seconds) {

  /**
   * One second of one process: counts in that second, sockets up and refusals so far, and the
   * sender-to-others latencies heard in it.
   */
  public record Second(
      long second,
      boolean measured,
      int sockets,
      long sent,
      long acknowledged,
      long received,
      String senderToOthers,
      double cpuPercent,
      Map<String, Long> refusals) {

    /** The same second of several processes as one. */
    static Second merge(List<Second> parts) {
      Histogram latencies = Histograms.empty();
      Map<String, Long> refusals = new TreeMap<>();
      for (Second part : parts) {
        latencies.add(Histograms.decode(part.senderToOthers()));
        part.refusals().forEach((code, count) -> refusals.merge(code, count, Long::sum));
      }
      return new Second(
          parts.get(0).second(),
          parts.stream().allMatch(Second::measured),
          parts.stream().mapToInt(Second::sockets).sum(),
          parts.stream().mapToLong(Second::sent).sum(),
          parts.stream().mapToLong(Second::acknowledged).sum(),
          parts.stream().mapToLong(Second::received).sum(),
          Histograms.encode(latencies),
          parts.stream().mapToDouble(Second::cpuPercent).sum(),
          refusals);
    }

    Report.Second summary() {
      Histogram latencies = Histograms.decode(senderToOthers);
      return new Report.Second(
          second,
          measured,
          sent,
          acknowledged,
          received,
          Histograms.millisAt(latencies, 50),
          Histograms.millisAt(latencies, 99),
          cpuPercent);
    }

    /** The progress line the operator sees. */
    String line() {
      Report.Second summary = summary();
      return String.format(
          "%4ds %-9s sockets %d  sent %d/s  acked %d/s  delivered %d/s  p50 %.1f ms  p99 %.1f ms  errors %s  cpu %.0f%%",
          second,
          measured ? "measured" : "warm-up",
          sockets,
          sent,
          acknowledged,
          received,
          summary.deliveryP50Millis(),
          summary.deliveryP99Millis(),
          refusals,
          cpuPercent);
    }
  }

  /** The seconds of several processes, second by second. */
  static List<Report.Second> mergedSeconds(List<PartReport> parts) {
    Map<Long, List<Second>> bySecond = new TreeMap<>();
    parts.forEach(part -> part.seconds().forEach(s -> bySecond.computeIfAbsent(s.second(), k -> new ArrayList<>()).add(s)));
    return bySecond.values().stream().map(Second::merge).map(Second::summary).toList();
  }
}
