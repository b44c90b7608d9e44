package chat.bots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PayloadTest {

  @Test
  void aMessageCarriesItsSenderSequenceAndTimeAtTheSizeAsked() {
    Payload sent = new Payload("r1", 42, 7, 1_795_800_000_123_456L);
    String text = sent.text(100);
    assertEquals(100, text.length());
    assertEquals(Optional.of(sent), Payload.of(text, "r1"));
  }

  @Test
  void theLongestHeaderFitsTheSmallestSize() {
    Payload longest = new Payload("abcdefghijkl", Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);
    assertEquals(Optional.of(longest), Payload.of(longest.text(Payload.MIN_SIZE), "abcdefghijkl"));
  }

  @Test
  void anotherRunsMessagesAndPeoplesAreNotCounted() {
    assertTrue(Payload.of(new Payload("r1", 1, 1, 1).text(100), "r2").isEmpty());
    assertTrue(Payload.of("hello everyone", "r1").isEmpty());
    assertTrue(Payload.of("bot r1 not numbers", "r1").isEmpty());
  }
}
