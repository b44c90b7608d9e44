package chat.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.client.Backoff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The short chaos suite of the test command: each fault once against the three nodes of
 * {@code bin/chat-cluster} behind its HAProxy, with the bots sending throughout. Nothing acknowledged may be lost, nothing may come twice, and every
 * message must be acknowledged in the end, under every fault. The report is kept in target/.
 */
@ExtendWith(SharedCluster.class)
class ChaosIT {

  private static final int RATE = 50;

  /** No client may wait longer than its longest pause between two tries. */
  private static final Duration RECONNECT_BACKOFF_CAP = Backoff.standard().cap();

  @Test
  void underEveryFaultNothingIsLostAndNothingComesTwice(LocalCluster cluster) throws IOException, InterruptedException {
    Path work = Path.of(System.getProperty("chat.it.dataDir"), "chaos");
    Files.createDirectories(work);
    ChaosReport report =
        new ChaosRun(cluster, System.out).run(List.of(Fault.values()).iterator(), RATE, work.resolve("tokens"));
    Files.writeString(work.getParent().getParent().resolve("chaos-report.txt"), report.text());
    System.out.println(report.text());

    assertEquals(Fault.values().length, report.faults().size());
    for (FaultOutcome fault : report.faults()) {
      assertTrue(fault.sent() > RATE * 5, fault.fault() + ": the bots sent throughout: " + fault.sent());
      assertEquals(0, fault.missing(), fault.fault() + ": acknowledged messages lost or missed unnoticed");
      assertEquals(0, fault.duplicates(), fault.fault() + ": messages shown twice");
      assertEquals(fault.sent(), fault.acknowledged(), fault.fault() + ": messages never acknowledged");
      assertEquals(Map.of(), fault.errorsBeyondTheRetryable(), fault.fault() + ": errors the contract does not ask to retry");
    }
    for (Fault dropsSockets : List.of(Fault.KILL_A_NODE, Fault.FREEZE_A_NODE, Fault.SPLIT_THE_GRID, Fault.RESTART_EVERY_NODE)) {
      FaultOutcome outcome = report.faults().get(dropsSockets.ordinal());
      assertTrue(outcome.reconnects() > 0, dropsSockets + " cost some bots their socket, and they came back");
    }
    FaultOutcome freeze = report.faults().get(Fault.FREEZE_A_NODE.ordinal());
    assertTrue(
        freeze.longestAcknowledgementMillis() < Fault.FREEZE.toMillis(),
        "the frozen node's clients waited for it (" + freeze.longestAcknowledgementMillis() + " ms) rather than"
            + " resuming elsewhere after two silent heartbeats");
    for (Fault operatorsWork : List.of(Fault.KILL_A_NODE, Fault.RESTART_EVERY_NODE)) {
      FaultOutcome outcome = report.faults().get(operatorsWork.ordinal());
      assertTrue(
          outcome.longestAcknowledgementMillis() < RECONNECT_BACKOFF_CAP.toMillis(),
          operatorsWork + ": a sender waited " + outcome.longestAcknowledgementMillis() + " ms for an acknowledgement");
    }
  }
}
