package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecentIdsTest {

  private final RecentIds ids = new RecentIds();

  @Test
  void idsInAnyOrderAreNewOnceEach() {
    for (long id : new long[] {10, 30, 20, 40, 15}) {
      assertTrue(ids.add(id), "first time: " + id);
    }
    for (long id : new long[] {10, 15, 20, 30, 40}) {
      assertFalse(ids.add(id), "again: " + id);
    }
    assertEquals(10, ids.resumeAfter(), "fewer than the overlap: the oldest remembered");
  }

  @Test
  void onceFullItForgetsTheOldestAndTakesAnythingOlderForARepeat() {
    for (long id = 1; id <= RecentIds.REMEMBERED; id++) {
      ids.add(id * 10);
    }
    assertTrue(ids.add(15), "between remembered ids: a straggler, new");
    assertFalse(ids.add(10), "the oldest was forgotten to make room, and is older than all now remembered");
    assertFalse(ids.add(5), "older than every remembered id");
    assertTrue(ids.add(RecentIds.REMEMBERED * 10L + 5));
    assertFalse(ids.add(15));
    assertEquals((RecentIds.REMEMBERED - RecentIds.RESUME_OVERLAP + 2) * 10L, ids.resumeAfter());
  }
}
