package chat.chaos;

import chat.bots.Report;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

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
    long repeats,
    long reconnects,
    Map<String, Long> errors,
    double longestAcknowledgementMillis,
    double deliveryP99Millis,
    double longestDeliveryMillis,
    String seen) {

  static FaultOutcome of(Fault fault, double seconds, Report report, String seen) {
    return new FaultOutcome(
        fault.name(),
        fault.description(),
        seconds,
        report.sent(),
        report.acknowledged(),
        report.missing(),
        report.duplicates(),
        report.repeats(),
        report.reconnects(),
        report.refusals(),
        report.acknowledgement().max(),
        report.senderToOthers().p99(),
        report.senderToOthers().max(),
        seen);
  }

  /**
   * What the contract tells a client to try again, and a client's connection did: {@code unavailable}
   * for a send, any 503 for a REST call or a handshake (the node's, with the contract's body, or the
   * balancer's when no node can take it), and a call that reached no server at all.
   */
  private static final Pattern RETRYABLE =
      Pattern.compile("(unavailable|HTTP 503( unavailable)?|handshake 503|unreachable), retried");

  /** The errors the clients met that the contract does not name as ones to retry: none, in a pass. */
  public Map<String, Long> errorsBeyondTheRetryable() {
    Map<String, Long> beyond = new TreeMap<>(errors);
    beyond.keySet().removeIf(error -> RETRYABLE.matcher(error).matches());
    return beyond;
  }

  /** Nothing lost, nothing twice, every message acknowledged in the end, no error but a retryable one. */
  public boolean passed() {
    return missing == 0 && duplicates == 0 && acknowledged == sent && errorsBeyondTheRetryable().isEmpty();
  }
}
