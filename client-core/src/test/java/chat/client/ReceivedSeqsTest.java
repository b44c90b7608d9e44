package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReceivedSeqsTest {

  @Test
  void inOrderArrivalsAdvanceWithoutAGap() {
    ReceivedSeqs seqs = new ReceivedSeqs(0);
    for (long seq = 1; seq <= 5; seq++) {
      assertTrue(seqs.add(seq));
    }
    assertEquals(5, seqs.through());
    assertFalse(seqs.hasGap());
    assertFalse(seqs.add(3), "a seq received before is a repeat");
  }

  @Test
  void aLateArrivalClosesTheGapAndWhatCameAfterItCounts() {
    ReceivedSeqs seqs = new ReceivedSeqs(10);
    assertTrue(seqs.add(12));
    assertTrue(seqs.add(13));
    assertTrue(seqs.hasGap());
    assertEquals(10, seqs.through());
    assertEquals(13, seqs.highest());
    assertFalse(seqs.add(12), "received beyond the gap, so a repeat");
    assertTrue(seqs.add(11));
    assertEquals(13, seqs.through());
    assertFalse(seqs.hasGap());
  }

  @Test
  void completingThroughASeqFillsEveryGapBelowItOnly() {
    ReceivedSeqs seqs = new ReceivedSeqs(0);
    seqs.add(3);
    seqs.add(6);
    seqs.add(8);
    seqs.completeThrough(5);
    assertEquals(6, seqs.through(), "6 follows the completed range");
    assertTrue(seqs.hasGap(), "7 is still missing");
    seqs.completeThrough(4);
    assertEquals(6, seqs.through(), "completing less changes nothing");
    assertFalse(seqs.add(2), "below a completed range: a repeat");
  }
}
