package chat.server.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Message;
import chat.dto.Role;
import chat.dto.ServerFrame;
import chat.dto.User;
import chat.dto.WireJson;
import chat.server.events.ChatEvent;
import chat.server.events.RoomEvent;
import chat.server.events.UserEvent;
import chat.server.room.RoomRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FanOutTest {

  private static final User ANN = User.of(3, "ann", Role.USER);
  private static final User BOB = User.of(4, "bob", Role.USER);
  private static final RoomRef LOBBY = new RoomRef(42, "lobby");
  private static final RoomRef KITCHEN = new RoomRef(43, "kitchen");

  private final List<List<ChatEvent>> published = new ArrayList<>();

  @Test
  void aStoredBatchIsPublishedInOneCallInItsOrderThenEachSenderIsAnswered() {
    Submitted first = submitted(Destination.of(LOBBY), ANN, "c1");
    Submitted second = submitted(Destination.direct(9, BOB), ANN, "c2");
    Message lobbyMessage = message(100, 7, "lobby", null, "c1");
    Message direct = message(101, 1, null, "bob", "c2");

    new FanOut(published::add).handOut(List.of(first, second), List.of(new Posted(lobbyMessage, false), new Posted(direct, false)));

    assertEquals(
        List.of(List.of(
            RoomEvent.message(42, 100, 3, WireJson.toJson(new ServerFrame.ChatMessagePosted(lobbyMessage))),
            new UserEvent(List.of(3L, 4L), 3, WireJson.toJson(new ServerFrame.DirectMessagePosted(direct))))),
        published);
    assertEquals(new PostOutcome.PassedOn(lobbyMessage), first.answer().join());
    assertEquals(new PostOutcome.PassedOn(direct), second.answer().join());
  }

  @Test
  void theRepeatOfAClientIdIsPassedOnAgainToTheChannelItWasFirstSentTo() {
    Submitted again = submitted(Destination.of(LOBBY), ANN, "c1");
    Message original = message(100, 7, "lobby", null, "c1");

    new FanOut(published::add).handOut(List.of(again), List.of(new Posted(original, true)));

    assertEquals(1, published.get(0).size());
    assertEquals(new PostOutcome.PassedOn(original), again.answer().join());
  }

  @Test
  void theRepeatOfAClientIdFirstUsedInAnotherChannelGoesBackToItsSenderAlone() {
    Submitted toKitchen = submitted(Destination.of(KITCHEN), ANN, "c1");
    Submitted toAnn = submitted(Destination.direct(9, ANN), BOB, "c9");
    Message inLobby = message(100, 7, "lobby", null, "c1");
    Message inRoom = message(102, 8, "lobby", null, "c9");

    new FanOut(published::add).handOut(List.of(toKitchen, toAnn), List.of(new Posted(inLobby, true), new Posted(inRoom, true)));

    assertEquals(List.of(List.of()), published);
    assertEquals(new PostOutcome.SenderAlone(inLobby), toKitchen.answer().join());
    assertEquals(new PostOutcome.SenderAlone(inRoom), toAnn.answer().join());
  }

  @Test
  void whenTheClusterWillNotTakeTheBatchEverySenderIsAnsweredAloneWithWhatWasStored() {
    Submitted first = submitted(Destination.of(LOBBY), ANN, "c1");
    Submitted second = submitted(Destination.of(KITCHEN), BOB, "c2");
    Message one = message(100, 7, "lobby", null, "c1");
    Message two = message(101, 3, "kitchen", null, "c2");

    new FanOut(events -> { throw new IllegalStateException("the node is stopping"); })
        .handOut(List.of(first, second), List.of(new Posted(one, false), new Posted(two, false)));

    assertEquals(new PostOutcome.SenderAlone(one), first.answer().join());
    assertEquals(new PostOutcome.SenderAlone(two), second.answer().join());
    assertTrue(published.isEmpty());
  }

  private static Submitted submitted(Destination destination, User sender, String clientId) {
    return new Submitted(new NewMessage(destination, sender, "hello", clientId, null, List.of()), new CompletableFuture<>());
  }

  private static Message message(long id, long seq, String room, String to, String clientId) {
    return new Message(id, seq, room, to, ANN, "hello", Instant.parse("2026-12-06T18:00:00Z"), clientId);
  }
}
