package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import chat.dto.Message;
import chat.dto.Reaction;
import chat.dto.Role;
import chat.dto.ServerFrame;
import chat.dto.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageVersionsTest {

  private static final User ANN = User.of(1, "ann", Role.USER);
  private static final String UP = "\uD83D\uDC4D";

  @Test
  void theLaterChangeWinsWhicheverComesLast() {
    Message edited = version(9, "edited twice", List.of());
    assertSame(edited, MessageVersions.newer(edited, version(7, "edited once", List.of()), null, "ann"));
    assertEquals("edited twice", MessageVersions.newer(version(7, "edited once", List.of()), edited, null, "ann").text());
  }

  @Test
  void aLiveFrameSaysWhenTheReadersOwnReactionChanged() {
    List<String> many = names(25);
    Message shown = version(5, "hi", List.of(new Reaction(UP, 25, many, null)));
    Message live = version(6, "hi", List.of(new Reaction(UP, 26, many, null)));
    Message mine = MessageVersions.newer(shown, live, new ServerFrame.Reacted("ANN", UP, true), "ann");
    assertEquals(Boolean.TRUE, mine.reactions().get(0).mine());
    Message someoneElses = MessageVersions.newer(mine, version(7, "hi", List.of(new Reaction(UP, 27, many, null))), new ServerFrame.Reacted("bob", UP, true), "ann");
    assertEquals(Boolean.TRUE, someoneElses.reactions().get(0).mine(), "another's reaction keeps mine as it was");
  }

  @Test
  void aWholeListOfUsersSaysItAndOtherwiseTheVersionsOwnMarkDoes() {
    Message shown = version(5, "hi", List.of(new Reaction(UP, 1, List.of("ann"), true)));
    Message takenBackElsewhere = version(6, "hi", List.of(new Reaction(UP, 1, List.of("bob"), null)));
    assertEquals(null, MessageVersions.newer(shown, takenBackElsewhere, null, "ann").reactions().get(0).mine());
    Message read = version(7, "hi", List.of(new Reaction(UP, 30, names(20), true)));
    assertEquals(Boolean.TRUE, MessageVersions.newer(null, read, null, "ann").reactions().get(0).mine());
  }

  private static List<String> names(int count) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < Math.min(count, Reaction.USERS_SHOWN); i++) {
      names.add("user" + i);
    }
    return names;
  }

  private static Message version(long changedSeq, String text, List<Reaction> reactions) {
    return new Message(
        1, 1, "general", null, ANN, text, Instant.EPOCH, null, null, changedSeq, null, null, reactions.isEmpty() ? null : reactions, null);
  }
}
