package chat.server.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JoinHoldBackTest {

  private final JoinHoldBack holdBack = new JoinHoldBack();

  @Test
  void framesOfARoomBeingJoinedWaitAndThoseTheHistoryHoldsAreDropped() {
    holdBack.start(1);

    assertTrue(holdBack.hold(1, 9, "message 9"));
    assertTrue(holdBack.hold(1, 0, "member joined"));
    assertTrue(holdBack.hold(1, 11, "message 11"));
    assertFalse(holdBack.hold(2, 12, "another room's"), "another room's frames go out at once");

    assertEquals(List.of("member joined", "message 11"), holdBack.release(1, 10));
    assertFalse(holdBack.hold(1, 13, "message 13"), "once joined, nothing is held");
  }

  @Test
  void aFailedJoinDropsWhatWasHeldAndHoldsNoMore() {
    holdBack.start(1);
    holdBack.start(2);
    holdBack.hold(1, 5, "message 5");

    holdBack.drop(1);

    assertFalse(holdBack.hold(1, 6, "message 6"));
    assertTrue(holdBack.hold(2, 7, "message 7"), "the other join still holds");
    assertEquals(List.of(), holdBack.release(1, 0));
  }
}
