package chat.server.socket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class BlockedUsersTest {

  private final BlockedUsers blocked = new BlockedUsers();

  @Test
  void changesThatArriveWhileTheBlocksAreReadWinOverWhatWasRead() {
    blocked.changed(5, true);
    blocked.changed(6, false);

    blocked.read(Set.of(6L, 7L));

    assertTrue(blocked.contains(5), "blocked after the read began");
    assertFalse(blocked.contains(6), "unblocked after the read began");
    assertTrue(blocked.contains(7));
  }

  @Test
  void laterChangesApplyAsTheyCome() {
    blocked.read(Set.of(7L));

    blocked.changed(7, false);
    blocked.changed(8, true);

    assertFalse(blocked.contains(7));
    assertTrue(blocked.contains(8));
    assertFalse(blocked.contains(0), "0 is nobody: a frame of no one's is never dropped");
  }
}
