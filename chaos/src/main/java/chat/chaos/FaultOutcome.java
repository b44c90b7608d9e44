package chat.chaos;

import chat.bots.Report;
import java.util.Map;

/**
 * What users saw while one fault happened and the cluster recovered, from the bots' report of that
 * stretch: a message missing after the drain was lost, or missed by a connected client that was never
 * told (a client that learns of a gap fetches what it lacks, and the drain waits for it).
 */
public record FaultOutcome(
    String fault,
    String description,
    double seconds,
    long sent,
    long acknowledged,
    long missing,
    long duplicates,
    long reconnects,
    Map<String, Long> errors,
    double longestAcknowledgementMillis,
    double deliveryP99Millis,
    double longestDeliveryMillis) {

  static FaultOutcome of(Fault fault, double seconds, Report report) {
    return new FaultOutcome(
        fault.name(),
        fault.description(),
        seconds,
        report.sent(),
        report.acknowledged(),
        report.missing(),
        report.duplicates(),
        report.reconnects(),
        report.refusals(),
        report.acknowledgement().max(),
        report.senderToOthers().p99(),
        report.senderToOthers().max());
  }

  /** Nothing lost, nothing twice, every message acknowledged in the end. */
  public boolean passed() {
    return missing == 0 && duplicates == 0 && acknowledged == sent;
  }
}
