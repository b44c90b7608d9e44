package chat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static chat.client.ResumeState.Seen.CHANGED;
import static chat.client.ResumeState.Seen.NEW;
import static chat.client.ResumeState.Seen.NOTHING_NEW;

import chat.dto.ClientFrame;
import chat.dto.Message;
import chat.dto.Role;
import chat.dto.ServerFrame;
import chat.dto.User;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResumeStateTest {

  private static final User ALICE = User.of(1, "alice", Role.USER);

  private final ResumeState resume = new ResumeState();

  @Test
  void aMessageIsNewOnlyOncePerChannel() {
    Channel general = Channel.room("general");
    assertEquals(NEW, resume.see(general, seq(5)));
    assertEquals(NOTHING_NEW, resume.see(general, seq(5)));
    assertEquals(NEW, resume.see(general, seq(6)));
    assertEquals(NOTHING_NEW, resume.see(general, seq(6)));
    assertEquals(NEW, resume.see(Channel.direct("bob"), seq(5)), "another channel keeps its own count");
  }

  @Test
  void theFirstMessageOfAChannelStartsItAndWhatFollowsAfterAMissingOneIsAGap() {
    Channel general = Channel.room("general");
    resume.see(general, seq(5));
    assertFalse(resume.hasGap(general), "what came before the first message is history");
    assertEquals(NEW, resume.see(general, seq(7)));
    assertTrue(resume.hasGap(general), "6 is missing");
    assertEquals(5, resume.resumeSeq(general));
    assertEquals(7, resume.highestSeq(general));
    assertEquals(NEW, resume.see(general, seq(6)), "6 was overtaken, not lost");
    assertFalse(resume.hasGap(general));
    assertEquals(7, resume.resumeSeq(general));
  }

  @Test
  void aCompletePageFillsTheGapsItSkipped() {
    // 6 and 8 were deleted: a page after 5 brings 7 and 9 only, and is complete up to 9.
    Channel general = Channel.room("general");
    resume.see(general, seq(5));
    resume.see(general, seq(10));
    resume.see(general, seq(7));
    resume.see(general, seq(9));
    resume.completeThrough(general, 9);
    assertFalse(resume.hasGap(general));
    assertEquals(10, resume.resumeSeq(general));
  }

  @Test
  void aChangeToAMessageIsItsOwnNumberAndComesOnce() {
    Channel general = Channel.room("general");
    resume.see(general, seq(5));
    assertEquals(CHANGED, resume.see(general, changed(5, 6)), "an edit of 5 is 6");
    assertEquals(NOTHING_NEW, resume.see(general, changed(5, 6)));
    assertEquals(NEW, resume.see(general, changed(7, 9)), "a message never seen, edited since");
    assertTrue(resume.hasGap(general), "8 is missing");
    assertTrue(resume.seeChange(general, 8), "a deletion's number");
    assertFalse(resume.hasGap(general));
    assertEquals(9, resume.resumeSeq(general));
  }

  @Test
  void aFirstPageWhoseOldestMessageChangedLastIsAllNew() {
    Channel general = Channel.room("general");
    List<Message> page = List.of(changed(51, 105), seq(52), seq(53));
    resume.beginAt(general, page);
    assertEquals(List.of(NEW, NEW, NEW), page.stream().map(m -> resume.see(general, m)).toList());
  }

  @Test
  void aChannelFirstMetThroughAChangeStartsAtItsMessageWhichIsNews() {
    Channel bob = Channel.direct("bob");
    assertEquals(NEW, resume.see(bob, changed(3, 4)), "bob's new message, edited, came before the message itself");
    assertEquals(NOTHING_NEW, resume.see(bob, seq(3)), "the message itself is no news then");
    assertEquals(4, resume.resumeSeq(bob));
  }

  @Test
  void aChannelIsTheSameWhateverTheCaseOfItsName() {
    resume.see(Channel.room("General"), seq(5));
    assertEquals(NOTHING_NEW, resume.see(Channel.room("GENERAL"), seq(5)));
    resume.see(Channel.direct("Bob"), seq(2));
    assertEquals(NOTHING_NEW, resume.see(Channel.direct("bob"), seq(2)));
  }

  @Test
  void rejoinsEachRoomAfterTheSeqItHasEverythingUpToThenResendsWhatWasNotAcknowledged() {
    resume.joined("general");
    resume.joined("random");
    resume.see(Channel.room("general"), seq(41));
    resume.see(Channel.room("general"), seq(43));
    ClientFrame hello = new ClientFrame.SendChatMessage("general", "hello", "c-1");
    ClientFrame hi = new ClientFrame.SendDirectMessage("bob", "hi", "c-2");
    resume.sending("c-1", hello);
    resume.sending("c-2", hi);

    assertEquals(
        List.of(ClientFrame.JoinRoom.changesAfter("general", 41), new ClientFrame.JoinRoom("random"), hello, hi),
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
    resume.see(Channel.room("general"), seq(9));
    resume.left("general");

    assertEquals(List.of(), resume.resumeFrames());
    assertNull(resume.resumeSeq(Channel.room("general")));
  }

  @Test
  void catchesUpOnlyOnConversationsWithAMessageSeen() {
    resume.see(Channel.room("general"), seq(3));
    resume.see(Channel.direct("bob"), seq(4));
    assertEquals(List.of(new Channel.DirectChannel("bob")), resume.conversations());
  }

  @Test
  void anUnavailableForASendAnsweredBeforeIsTheLateAnswerOfAnEarlierCopyAndNotTheUsersConcern() {
    resume.sending("c-1", new ClientFrame.SendChatMessage("general", "hello", "c-1"));
    assertEquals(ResumeState.Unavailable.SEND_AGAIN, resume.unavailable(unavailable("c-1")));
    // The copy sent again is stored; the first copy's write, which timed out, answers only now.
    resume.answered("c-1");
    assertEquals(ResumeState.Unavailable.ANSWERED_BEFORE, resume.unavailable(unavailable("c-1")));
  }

  @Test
  void anUnavailableJoinGoesAgainOnlyWhileTheUserIsInTheRoom() {
    resume.joined("general");
    ServerFrame.RequestFailed join = unavailable(ServerFrame.RequestFailed.joinRef("general"));
    assertEquals(ResumeState.Unavailable.JOIN_AGAIN, resume.unavailable(join));
    resume.left("general");
    assertEquals(ResumeState.Unavailable.TELL, resume.unavailable(join));
    assertEquals(ResumeState.Unavailable.TELL, resume.unavailable(unavailable(null)), "about no request of the user's");
  }

  @Test
  void aSocketOpeningRejoinsTheRoomsTheServerListsAndForgetsOnesLeftOnAnotherDevice() {
    resume.joined("general");
    resume.answeredJoin("general");
    resume.joined("random");
    resume.answeredJoin("random");
    resume.joined("just-now");

    assertEquals(List.of("random"), resume.memberOf(List.of("General", "elsewhere")), "left on another device");

    assertTrue(resume.isIn("general"));
    assertTrue(resume.isIn("elsewhere"), "joined on another device");
    assertTrue(resume.isIn("just-now"), "a join not answered yet is the user's own, and stays");
    assertFalse(resume.isIn("random"));
  }

  private static ServerFrame.RequestFailed unavailable(String ref) {
    return new ServerFrame.RequestFailed("unavailable", "try again", ref);
  }

  private static Message seq(long seq) {
    return new Message(100 + seq, seq, "general", null, ALICE, "text " + seq, Instant.EPOCH, null);
  }

  private static Message changed(long seq, long changedSeq) {
    return new Message(
        100 + seq, seq, "general", null, ALICE, "edited " + seq, Instant.EPOCH, null, null, changedSeq, Instant.EPOCH, null, null, null);
  }
}
