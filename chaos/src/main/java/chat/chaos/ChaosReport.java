package chat.chaos;

import java.util.List;

/** One line per fault, and whether the cluster came through every one of them. */
public record ChaosReport(int nodes, int rate, List<FaultOutcome> faults) {

  public boolean passed() {
    return faults.stream().allMatch(FaultOutcome::passed);
  }

  String text() {
    StringBuilder text = new StringBuilder();
    text.append(String.format("chaos: %d nodes behind HAProxy, the bots at %d messages/s%n", nodes, rate));
    text.append(
        String.format(
            "%-20s %6s %7s %7s %7s %5s %7s %6s %9s %9s %9s  %s%n",
            "fault", "secs", "sent", "acked", "missing", "dups", "repeats", "recon", "ack max", "p99", "max",
            "errors clients met"));
    for (FaultOutcome fault : faults) {
      text.append(
          String.format(
              "%-20s %6.0f %7d %7d %7d %5d %7d %6d %7.0fms %7.0fms %7.0fms  %s%n",
              fault.fault().toLowerCase().replace('_', ' '),
              fault.seconds(),
              fault.sent(),
              fault.acknowledged(),
              fault.missing(),
              fault.duplicates(),
              fault.repeats(),
              fault.reconnects(),
              fault.longestAcknowledgementMillis(),
              fault.deliveryP99Millis(),
              fault.longestDeliveryMillis(),
              fault.errors().isEmpty() ? "none" : fault.errors()));
    }
    for (FaultOutcome fault : faults) {
      if (!fault.seen().isEmpty()) {
        text.append(fault.fault().toLowerCase().replace('_', ' ')).append(": ").append(fault.seen()).append('\n');
      }
    }
    text.append(
        "missing: acknowledged messages that never reached a member, after the drain (lost, or missed by a "
            + "connected client that was never told); dups: shown twice; repeats: came live over a socket "
            + "although the client had them (a resend published again, a live frame behind the fill that "
            + "fetched it), dropped by client-core before they were shown; ack max: the longest a user waited "
            + "for a message to be accepted (through reconnects and retries); p99 and max: sender to the "
            + "other members; errors clients met: each error by code, the ones the bots' connections "
            + "retried by themselves marked so (a send refused unavailable, a REST fetch's HTTP answer, a "
            + "refused handshake).\n");
    text.append(
        passed()
            ? "PASSED: nothing lost, nothing twice, no error but the retryable ones\n"
            : "FAILED\n");
    return text.toString();
  }
}
