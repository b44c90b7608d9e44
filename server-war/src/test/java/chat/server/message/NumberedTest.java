package chat.server.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import chat.dto.Message;
import chat.dto.Role;
import chat.dto.User;
import chat.server.room.RoomRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NumberedTest {

  private static final User ANN = User.of(3, "ann", Role.USER);
  private static final User BOB = User.of(4, "bob", Role.USER);
  private static final Destination LOBBY = Destination.of(new RoomRef(42, "lobby"));
  private static final Destination KITCHEN = Destination.of(new RoomRef(43, "kitchen"));
  private static final Destination ANN_AND_BOB = Destination.direct(42, BOB);

  @Test
  void eachNewMessageTakesTheNextSeqOfItsChannelInBatchOrder() {
    List<NewMessage> batch = List.of(sent(LOBBY, ANN, "a"), sent(KITCHEN, ANN, "b"), sent(LOBBY, BOB, null), sent(ANN_AND_BOB, ANN, "c"));

    Numbered numbered = Numbered.of(batch, Map.of(), Map.of(Channel.room(42), 7L, Channel.room(43), 0L, Channel.conversation(42), 2L));

    assertArrayEquals(new Long[] {8L, 1L, 9L, 3L}, numbered.freshSeqs());
    assertEquals(batch, numbered.fresh());
    assertEquals(new Channel.Seq(Channel.conversation(42), 3), numbered.channelSeq(3), "a room and a conversation may share an id");
    assertEquals(Map.of(Channel.room(42), 9L, Channel.room(43), 1L, Channel.conversation(42), 3L), numbered.lastSeqs());
  }

  @Test
  void aClientIdStoredBeforeOrSentTwiceInTheBatchTakesNoSeq() {
    NewMessage again = sent(LOBBY, ANN, "stored");
    NewMessage first = sent(LOBBY, ANN, "twice");
    NewMessage second = sent(KITCHEN, ANN, "twice");
    NewMessage othersKey = sent(LOBBY, BOB, "twice");
    Message original = new Message(5, 7, "lobby", null, ANN, "hello", Instant.EPOCH, "stored");

    Numbered numbered =
        Numbered.of(List.of(again, first, second, othersKey), Map.of(new ClientKey(3, "stored"), original), Map.of(Channel.room(42), 7L, Channel.room(43), 4L));

    assertFalse(numbered.isFresh(0));
    assertEquals(8, numbered.seq(1));
    assertFalse(numbered.isFresh(2));
    assertEquals(9, numbered.seq(3), "a clientId is the sender's own: another sender's same key is new");
    assertEquals(List.of(first, othersKey), numbered.fresh());
    assertEquals(Map.of(Channel.room(42), 9L), numbered.lastSeqs(), "a channel with only repeats is not advanced");
  }

  private static NewMessage sent(Destination destination, User sender, String clientId) {
    return new NewMessage(destination, sender, "hello", clientId, null, List.of());
  }
}
