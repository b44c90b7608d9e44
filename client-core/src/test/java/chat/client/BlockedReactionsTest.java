package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import chat.dto.Message;
import chat.dto.Reaction;
import chat.dto.Role;
import chat.dto.ServerFrame;
import chat.dto.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class BlockedReactionsTest {

  private static final User CAT = User.of(3, "cat", Role.USER);
  private static final String UP = "\uD83D\uDC4D";
  private static final String TADA = "\uD83C\uDF89";
  /** Bob blocks ann, whatever the case her name comes in. */
  private static final Predicate<String> BOBS_BLOCKS = name -> ChatNames.same(name, "ann");

  @Test
  void aLiveChangeLosesTheBlockedUsersNamesAndCountsAndTheEmojiOnlyTheyChose() {
    Message live =
        message(
            List.of(new Reaction(UP, 2, List.of("Ann", "cat"), null), new Reaction(TADA, 1, List.of("ann"), null)));
    var updated = BlockedReactions.leftOut(new ServerFrame.MessageUpdated(live, new ServerFrame.Reacted("ann", TADA, true)), BOBS_BLOCKS);
    assertEquals(List.of(new Reaction(UP, 1, List.of("cat"), null)), updated.message().reactions());
    assertNull(updated.reacted(), "her reaction is no news to bob");
    assertEquals(live.text(), updated.message().text());
  }

  @Test
  void aMessageOnlyTheBlockedReactedToShowsNoReactions() {
    var updated =
        BlockedReactions.leftOut(
            new ServerFrame.MessageUpdated(message(List.of(new Reaction(UP, 1, List.of("ann"), null))), null), BOBS_BLOCKS);
    assertNull(updated.message().reactions());
  }

  @Test
  void whatHoldsNoneOfTheirsIsLeftAsItCame() {
    var cats = new ServerFrame.MessageUpdated(
        message(List.of(new Reaction(UP, 1, List.of("cat"), null))), new ServerFrame.Reacted("cat", UP, true));
    assertSame(cats, BlockedReactions.leftOut(cats, BOBS_BLOCKS));
    var edit = new ServerFrame.MessageUpdated(message(null), null);
    assertSame(edit, BlockedReactions.leftOut(edit, BOBS_BLOCKS));
    var annsOwnCatches = new ServerFrame.MessageUpdated(message(List.of(new Reaction(UP, 1, List.of("ann"), null))), null);
    assertSame(annsOwnCatches, BlockedReactions.leftOut(annsOwnCatches, name -> false), "cat, who blocks no one, sees hers");
  }

  @Test
  void pastTheNamesListedABlockedUserCannotBeToldApart() {
    List<String> twenty = new ArrayList<>();
    for (int i = 0; i < Reaction.USERS_SHOWN - 1; i++) {
      twenty.add("user" + i);
    }
    twenty.add("ann");
    var updated =
        BlockedReactions.leftOut(new ServerFrame.MessageUpdated(message(List.of(new Reaction(UP, 25, twenty, null))), null), BOBS_BLOCKS);
    Reaction shown = updated.message().reactions().get(0);
    assertEquals(24, shown.count(), "ann's one left out of the count; those not named stay in it");
    assertEquals(twenty.subList(0, Reaction.USERS_SHOWN - 1), shown.users());
  }

  private static Message message(List<Reaction> reactions) {
    return new Message(7, 4, "general", null, CAT, "lunch?", Instant.EPOCH, null, null, 9L, null, null, reactions, null);
  }
}
