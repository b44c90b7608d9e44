package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.ClientFrame;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResumeStateTest {

  private final ResumeState resume = new ResumeState();

  @Test
  void aMessageIsNewOnlyOncePerChannel() {
    Channel general = Channel.room("general");
    assertTrue(resume.see(general, 5));
    assertFalse(resume.see(general, 5));
    assertTrue(resume.see(general, 6));
    assertFalse(resume.see(general, 6));
    assertTrue(resume.see(Channel.direct("bob"), 5), "another channel keeps its own count");
  }

  @Test
  void aMessageOvertakenByALaterOneIsStillNewOnce() {
    // Two nodes store 6 and 7 in that order; the socket hears 7 first, from its own node.
    Channel general = Channel.room("general");
    resume.see(general, 5);
    assertTrue(resume.see(general, 7));
    assertTrue(resume.see(general, 6), "6 was never delivered");
    assertFalse(resume.see(general, 6));
  }

  @Test
  void aNewSocketAsksAgainForTheNewestFewSoAMessageOvertakenInFlightStillComes() {
    Channel general = Channel.room("general");
    for (long id = 1; id <= 100; id++) {
      if (id != 90) {
        resume.see(general, id); // 90 was overtaken by 91 and lost with the socket
      }
    }
    long after = resume.resumeAfter(general);
    assertTrue(after < 90, "the new socket asks from " + after);
    assertTrue(resume.see(general, 90));
    assertFalse(resume.see(general, 95), "what was delivered is dropped as a repeat");
  }

  @Test
  void aChannelIsTheSameWhateverTheCaseOfItsName() {
    resume.see(Channel.room("General"), 5);
    assertFalse(resume.see(Channel.room("GENERAL"), 5));
    resume.see(Channel.direct("Bob"), 2);
    assertFalse(resume.see(Channel.direct("bob"), 2));
  }

  @Test
  void rejoinsEachRoomFromItsLastSeenIdThenResendsWhatWasNotAcknowledged() {
    resume.joined("general");
    resume.joined("random");
    resume.see(Channel.room("general"), 41);
    ClientFrame hello = new ClientFrame.SendChatMessage("general", "hello", "c-1");
    ClientFrame hi = new ClientFrame.SendDirectMessage("bob", "hi", "c-2");
    resume.sending("c-1", hello);
    resume.sending("c-2", hi);

    assertEquals(
        List.of(
            new ClientFrame.JoinRoom("general", 41L),
            new ClientFrame.JoinRoom("random", null),
            hello,
            hi),
        resume.resumeFrames());
  }

  @Test
  void anAnsweredSendIsNotSentAgain() {
    resume.sending("c-1", new ClientFrame.SendChatMessage("general", "hello", "c-1"));
    assertTrue(resume.answered("c-1"));
    assertFalse(resume.answered("c-1"), "a second answer to the same send is a repeat");
    assertFalse(resume.answered(null));
    assertEquals(List.of(), resume.resumeFrames());
  }

  @Test
  void aRoomLeftIsNeitherRejoinedNorRemembered() {
    resume.joined("general");
    resume.see(Channel.room("general"), 9);
    resume.left("general");

    assertEquals(List.of(), resume.resumeFrames());
    assertNull(resume.resumeAfter(Channel.room("general")));
  }

  @Test
  void catchesUpOnlyOnConversationsWithAMessageSeen() {
    resume.see(Channel.room("general"), 3);
    resume.see(Channel.direct("bob"), 4);
    assertEquals(List.of(new Channel.DirectChannel("bob")), resume.conversations());
  }
}
