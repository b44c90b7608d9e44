package chat.bots;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * Every count and latency of a run, written by many threads at once: counters are adders, latencies go
 * to HdrHistogram recorders (microseconds) that {@link Progress} empties once a second.
 */
public final class Tally {

  final LongAdder sent = new LongAdder();
  final LongAdder acknowledged = new LongAdder();
  /** Deliveries the acknowledged messages owe: one to every other member of their room. */
  final LongAdder expected = new LongAdder();
  final LongAdder received = new LongAdder();
  /** Messages shown twice: what a user would see. */
  final LongAdder duplicates = new LongAdder();
  /**
   * Messages that came live over a socket although the bot had them (a resend published again, a live
   * frame behind the fill that fetched it), which client-core dropped before they were shown.
   */
  final LongAdder repeats = new LongAdder();
  final LongAdder reconnects = new LongAdder();
  final LongAdder readMarkers = new LongAdder();
  final LongAdder typingHeard = new LongAdder();
  private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();

  final Recorder acknowledgement = new Recorder(Histograms.HIGHEST_MICROS, 3);
  final Recorder delivery = new Recorder(Histograms.HIGHEST_MICROS, 3);
  final Recorder sendLag = new Recorder(Histograms.HIGHEST_MICROS, 3);

  void sent(long lagMicros) {
    sent.increment();
    sendLag.recordValue(clamp(lagMicros));
  }

  void acknowledged(long latencyMicros, int othersInRoom) {
    acknowledged.increment();
    expected.add(othersInRoom);
    acknowledgement.recordValue(clamp(latencyMicros));
  }

  void received(long latencyMicros) {
    received.increment();
    delivery.recordValue(clamp(latencyMicros));
  }

  void duplicate() {
    duplicates.increment();
  }

  void repeated() {
    repeats.increment();
  }

  /** An error the bot's connection met and retried by itself, counted beside the ones the bot saw. */
  void retried(String error) {
    refused(error + ", retried");
  }

  void refused(String code) {
    refusals.computeIfAbsent(code, c -> new LongAdder()).increment();
  }

  void markedRead() {
    readMarkers.increment();
  }

  void heardTyping() {
    typingHeard.increment();
  }

  void reconnected() {
    reconnects.increment();
  }

  /** The refusals so far, by error code; the ones retried by the connection as "{@code code}, retried". */
  Map<String, Long> refusals() {
    Map<String, Long> now = new TreeMap<>();
    refusals.forEach((code, count) -> now.put(code, count.sum()));
    return now;
  }

  private static long clamp(long micros) {
    return Math.max(0, Math.min(micros, Histograms.HIGHEST_MICROS));
  }
}
