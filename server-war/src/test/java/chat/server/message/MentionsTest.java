package chat.server.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MentionsTest {

  @Test
  void aNameAfterAnAtSignIsAMentionWhereverItStandsInTheText() {
    assertEquals(List.of("ann", "bob_2"), Mentions.in("@Ann, have you seen (@bob_2)?", 20));
    assertEquals(List.of("ann.", "ann"), Mentions.in("ask @ann.", 20), "a name may end in a full stop, a sentence does");
    assertEquals(List.of("j.doe...", "j.doe"), Mentions.in("ask @j.doe...", 20));
  }

  @Test
  void anAddressOrATooShortOrTooLongNameIsNone() {
    assertEquals(List.of(), Mentions.in("write to ann@example.org", 20));
    assertEquals(List.of(), Mentions.in("@@ann and @ab and @" + "x".repeat(33), 20));
    assertEquals(List.of(), Mentions.in("an @ alone, and @", 20));
  }

  @Test
  void eachNameCountsOnceAndOnlyTheFirstFewCount() {
    assertEquals(List.of("ann"), Mentions.in("@ann @ANN @Ann", 20));
    assertEquals(List.of("aaa", "bbb"), Mentions.in("@aaa @bbb @ccc", 2));
  }
}
