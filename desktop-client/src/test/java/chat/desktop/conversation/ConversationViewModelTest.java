package chat.desktop.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.client.Channel;
import chat.client.ChatApi;
import chat.client.ChatApiException;
import chat.desktop.Ui;
import chat.desktop.text.Block;
import chat.desktop.text.Inline;
import chat.dto.Emoji;
import chat.dto.MemberPage;
import chat.dto.Message;
import chat.dto.Reaction;
import chat.dto.Reply;
import chat.dto.Role;
import chat.dto.RoomMember;
import chat.dto.ServerFrame;
import chat.dto.SharedFile;
import chat.dto.User;
import chat.testing.MovableClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConversationViewModelTest {

  private static final User ANN = User.of(1, "ann", Role.USER);
  private static final User BOB = User.of(2, "bob", Role.USER);
  private static final String UP = "\uD83D\uDC4D";

  /** A room whose server holds messages 1..120 and remembers what was sent and deleted. */
  private final Room room = new Room();
  private final MovableClock clock = new MovableClock();
  private final ConversationViewModel chat = new ConversationViewModel(Channel.room("general"), ANN, room, Ui.inline(), clock);

  @TempDir Path disk;

  /**
   * Two files picked: the first uploads while the second waits its turn; the draft sent meanwhile waits
   * for both, says so, and goes with both once they are uploaded, its text and their ids together.
   */
  @Test
  void attachedFilesGoFromPendingThroughUploadingToReadyAndAreSentWithTheText() throws IOException {
    Path report = Files.write(disk.resolve("report.pdf"), new byte[2048]);
    Path notes = Files.write(disk.resolve("notes.pdf"), new byte[10]);
    chat.attach(List.of(report, notes));
    Attachment first = chat.attachments().get(0);
    Attachment second = chat.attachments().get(1);
    assertEquals(List.of(Attachment.State.UPLOADING, Attachment.State.PENDING), states());
    assertEquals(2048, first.size());
    assertEquals(1, room.uploads.size(), "one at a time");

    room.uploads.get(0).progress().sent(512, 2048);
    assertEquals(0.25, first.progress().get());
    chat.draft().set("the figures");
    chat.send();
    assertTrue(chat.sendWaiting().get(), "waits for its files");
    assertEquals(List.of(), room.sent);

    room.uploads.get(0).store(41);
    assertEquals(List.of(Attachment.State.READY, Attachment.State.UPLOADING), states());
    assertEquals(List.of(), room.sent, "the second is not there yet");
    room.uploads.get(1).store(42);

    assertFalse(chat.sendWaiting().get());
    assertEquals(List.of("the figures"), room.sent);
    assertEquals(List.of(List.of(41L, 42L)), room.sentFiles);
    assertEquals(Attachment.State.SENT, first.state().get());
    assertEquals(Attachment.State.SENT, second.state().get());
    assertEquals(List.of(), chat.attachments());
    assertEquals("", chat.draft().get());
  }

  /** Files alone, no text, are a message too; a refusal of it puts them back on the draft, uploaded. */
  @Test
  void filesGoWithoutTextAndARefusedMessageGivesThemBack() throws IOException {
    chat.attach(List.of(Files.write(disk.resolve("a.pdf"), new byte[3])));
    room.uploads.get(0).store(7);
    chat.send();
    assertEquals(List.of(""), room.sent);
    assertEquals(List.of(List.of(7L)), room.sentFiles);

    assertTrue(chat.refused(new ServerFrame.RequestFailed("invalid_request", "a file is sent once", room.lastClientId)));
    assertEquals(List.of(Attachment.State.READY), states());
    assertEquals("Not sent: a file is sent once", chat.error().get());
  }

  /**
   * × on a running upload stops it (the server keeps nothing) and calls off the send waiting for it;
   * × on an uploaded one deletes it from the server. Nothing was sent.
   */
  @Test
  void takingAFileOffStopsItsUploadOrDeletesItAndCallsOffTheWaitingSend() throws IOException {
    chat.attach(List.of(Files.write(disk.resolve("a.pdf"), new byte[3]), Files.write(disk.resolve("b.pdf"), new byte[5])));
    room.uploads.get(0).store(7);
    Attachment uploading = chat.attachments().get(1);
    chat.draft().set("both");
    chat.send();
    assertTrue(chat.sendWaiting().get());

    chat.detach(uploading);
    assertTrue(room.uploads.get(1).answer().isCancelled(), "its upload stopped");
    assertEquals(Attachment.State.CANCELLED, uploading.state().get());
    assertFalse(chat.sendWaiting().get(), "called off");
    assertTrue(chat.error().get().startsWith("Not sent: b.pdf was taken off"), chat.error().get());
    assertEquals("both", chat.draft().get(), "the draft stays");

    chat.detach(chat.attachments().get(0));
    assertEquals(List.of(7L), room.uploadsDeleted, "the uploaded one is deleted from the server");
    assertEquals(List.of(), chat.attachments());
    assertEquals(List.of(), room.sent);
  }

  /** Its bytes all went: the server stores it whatever the app does, so it is deleted once it answers. */
  @Test
  void aFileTakenOffOnceItsBytesAllWentIsDeletedWhenTheServerAnswers() throws IOException {
    chat.attach(List.of(Files.write(disk.resolve("a.pdf"), new byte[3])));
    Upload upload = room.uploads.get(0);
    upload.progress().sent(3, 3);
    chat.detach(chat.attachments().get(0));
    assertFalse(upload.answer().isCancelled(), "left to end");
    assertEquals(List.of(), room.uploadsDeleted);

    upload.store(9);
    assertEquals(List.of(9L), room.uploadsDeleted);
    assertEquals(List.of(), chat.attachments());
    assertEquals(List.of(), room.sent);
  }

  /** A refused upload says the server's words, never goes, and keeps the draft until it is taken off. */
  @Test
  void aFailedUploadShowsTheServersMessageAndIsNeverSent() throws IOException {
    chat.attach(List.of(Files.write(disk.resolve("huge.bin"), new byte[9])));
    chat.draft().set("the video");
    chat.send();
    room.uploads.get(0).answer().completeExceptionally(new ChatApiException(413, "payload_too_large", "a file is at most 26214400 bytes", null));

    Attachment failed = chat.attachments().get(0);
    assertEquals(Attachment.State.FAILED, failed.state().get());
    assertEquals("A file is at most 26214400 bytes.", failed.problem().get());
    assertFalse(chat.sendWaiting().get());
    assertEquals("Not sent: huge.bin was not uploaded.", chat.error().get());
    chat.send();
    assertEquals(List.of(), room.sent, "never with a file that failed");

    chat.detach(failed);
    chat.send();
    assertEquals(List.of("the video"), room.sent);
    assertEquals(List.of(List.of()), room.sentFiles);
  }

  /** A limit of the server's is told in its words, not as a login's "too many attempts". */
  @Test
  void aRateLimitedUploadSaysWhichLimit() throws IOException {
    chat.attach(List.of(Files.write(disk.resolve("big.bin"), new byte[9])));
    room.uploads.get(0).answer().completeExceptionally(
        new ChatApiException(429, "rate_limited", "a user uploads at most 1073741824 bytes a day (UTC)", Duration.ofHours(3)));
    assertEquals("A user uploads at most 1073741824 bytes a day (UTC).", chat.attachments().get(0).problem().get());
  }

  /** A folder is no file: it fails at once and uploads nothing. */
  @Test
  void aFolderIsNotAttached() {
    chat.attach(List.of(disk));
    assertEquals(List.of(Attachment.State.FAILED), states());
    assertEquals(List.of(), room.uploads);
  }

  /** Save streams the bytes to the disk; a file whose message was deleted is unavailable, and nothing is written. */
  @Test
  void savingWritesTheBytesAndAFileGoneIsUnavailable() throws IOException {
    room.stored.put(5L, "the report".getBytes(StandardCharsets.UTF_8));
    Path target = disk.resolve("saved.pdf");
    chat.save(new SharedFile(5, "report.pdf", "application/pdf", 10, null), target);
    assertEquals("the report", Files.readString(target));
    assertTrue(chat.fileNotice().get().startsWith("Saved report.pdf"), chat.fileNotice().get());

    Path nowhere = disk.resolve("gone.pdf");
    chat.save(new SharedFile(6, "gone.pdf", "application/pdf", 10, null), nowhere);
    assertTrue(chat.unavailable().contains(6L));
    assertFalse(Files.exists(nowhere));
    try (var left = Files.list(disk)) {
      assertEquals(List.of(target), left.toList(), "no part left behind");
    }
  }

  private List<Attachment.State> states() {
    return chat.attachments().stream().map(a -> a.state().get()).toList();
  }

  @Test
  void showsEachMessageOnceInIdOrderWhateverOrderTheyArriveIn() {
    chat.arrived(message(110, BOB, "live"));
    chat.joined(new ServerFrame.RoomJoined("general", List.of(BOB), List.of(message(108, BOB, "a"), message(110, BOB, "live")), null));
    chat.arrived(message(109, ANN, "b"));

    assertEquals(List.of(108L, 109L, 110L), ids());
    assertEquals(List.of(BOB), chat.members());
  }

  @Test
  void aNewProfileShowsOnEveryMessageAndMemberAndALateLiveMessageDoesNotUndoIt() {
    chat.joined(new ServerFrame.RoomJoined("general", List.of(ANN, BOB), List.of(message(1, BOB, "a"), message(2, ANN, "b")), null));
    User builder = BOB.withProfile("Bob the Builder", "fixing it");

    chat.renamed(builder);
    chat.arrived(message(3, BOB, "sent before his change, arrived after it"));

    assertEquals(List.of(builder, ANN, builder), chat.messages().stream().map(Message::from).toList());
    assertEquals(List.of(ANN, builder), chat.members());
  }

  @Test
  void aReplySendsWhatItAnswersOnceAndTheQuoteSaysWhenTheOriginalIsDeleted() {
    chat.joined(new ServerFrame.RoomJoined("general", List.of(), List.of(message(7, BOB, "lunch?")), null));
    chat.replyTo(chat.messages().get(0));
    chat.draft().set("yes");
    chat.send();
    chat.draft().set("and coffee");
    chat.send();
    assertEquals(java.util.Arrays.asList(7L, null), room.repliesTo, "the reply ends with its sending");

    chat.arrived(message(8, ANN, "yes").withReplyTo(new Reply(7, 7, BOB, "lunch?", null)));
    chat.changed(changed(message(7, BOB, "lunch at noon?"), 20, null), null);
    assertEquals("lunch at noon?", chat.messages().get(1).replyTo().text(), "the quote follows an edit of the original");
    chat.deleted(7);
    assertEquals(new Reply(7, 7, BOB, null, true), chat.messages().get(0).replyTo());
  }

  @Test
  void anEditShowsTheNewTextAndALateOlderVersionDoesNotUndoIt() {
    chat.joined(new ServerFrame.RoomJoined("general", List.of(), List.of(message(7, ANN, "helo")), null));
    chat.startEdit(chat.messages().get(0));
    chat.editText().set("hello");
    chat.saveEdit();
    assertEquals(null, chat.editing().get());
    assertEquals("hello", chat.messages().get(0).text());

    chat.changed(changed(message(7, ANN, "helo, first edit"), 900, null), null);
    assertEquals("hello", chat.messages().get(0).text(), "change 1007 is later than 900");
  }

  @Test
  void aReactionTogglesTheUsersOwnAndTellsWhoReacted() {
    chat.joined(new ServerFrame.RoomJoined("general", List.of(), List.of(message(7, BOB, "m7")), null));
    chat.toggleReaction(chat.messages().get(0), UP);
    assertEquals(Boolean.TRUE, chat.messages().get(0).reactions().get(0).mine());
    chat.toggleReaction(chat.messages().get(0), UP);
    assertEquals(List.of("+" + UP, "-" + UP), room.reactions);

    Reaction many = new Reaction(UP, 23, List.of("bob", "cat"), null);
    assertEquals("bob, cat and 21 more", ConversationViewModel.reactedBy(many));
  }

  @Test
  void aQuoteOfAnOldMessageLoadsThePagesBackToIt() {
    chat.joined(new ServerFrame.RoomJoined("general", List.of(), room.history(chat.channel(), null), null));
    chat.showMessage(5);
    assertEquals(5L, chat.shown().get());
    assertEquals(1L, chat.messages().get(0).id(), "the pages back to it, and the first is the oldest there is");
    assertFalse(chat.olderAvailable().get(), "nothing is older");
  }

  @Test
  void aMessageAskedForBeforeTheRoomHasComeIsBroughtIntoViewOnceItHas() {
    chat.showMessage(5);
    assertEquals(null, chat.shown().get());
    assertEquals("", chat.error().get(), "the room is on its way");

    chat.joined(new ServerFrame.RoomJoined("general", List.of(), room.history(chat.channel(), null), null));

    assertEquals(5L, chat.shown().get(), "from the pages before the room's newest");
  }

  @Test
  void aModeratorInvitesRemovesSilencesAndDeletesOthersMessagesAndASilenceEnds() {
    Message bobs = message(7, BOB, "spam");
    assertFalse(chat.canDelete(bobs));
    chat.moderates().set(true);
    assertTrue(chat.canDelete(bobs), "a moderator deletes any message of the room");
    chat.invitee().set(" cat ");
    chat.invite();
    chat.silence(BOB, 10);
    chat.moderator(BOB, true);
    chat.remove(BOB);
    assertEquals(List.of("invite cat", "silence bob 10", "name bob", "remove bob"), room.moderated);
    assertEquals("Removed bob.", chat.moderation().get());

    chat.silenced(clock.instant().plusSeconds(60));
    chat.expireSilence();
    assertTrue(chat.silencedUntil().get() != null, "silenced for a minute yet");
    clock.advance(Duration.ofSeconds(61));
    chat.expireSilence();
    assertEquals(null, chat.silencedUntil().get(), "the silence is over by itself");
  }

  @Test
  void theMembersAreEveryoneListedAndEveryoneHereOnlineOnesMarkedPagedOnAsFarAsShown() {
    User cat = User.of(3, "cat", Role.USER);
    User dan = User.of(4, "dan", Role.USER);
    Instant until = clock.instant().plusSeconds(600);
    room.memberList =
        List.of(
            new RoomMember(ANN, "owner", true, null),
            new RoomMember(BOB, "moderator", false, null),
            new RoomMember(cat, "member", false, until),
            new RoomMember(dan, "member", true, null));
    chat.joined(new ServerFrame.RoomJoined("general", List.of(ANN, dan), List.of(), null));
    assertEquals(List.of(new Member(ANN, null, true, null), new Member(dan, null, true, null)), chat.memberList(),
        "before the list is read, those here");

    chat.refreshMembers();
    assertEquals(
        List.of(new Member(ANN, "owner", true, null), new Member(BOB, "moderator", false, null), new Member(dan, null, true, null)),
        chat.memberList(),
        "the first page, and dan, who is here, past it");
    assertTrue(chat.moreMembers().get());

    chat.loadMoreMembers();
    assertEquals(List.of("ann", "bob", "cat", "dan"), chat.memberList().stream().map(m -> m.user().username()).toList());
    assertEquals(new Member(cat, "member", false, until), chat.memberList().get(2));
    assertTrue(chat.silenceHolds(chat.memberList().get(2)));
    assertFalse(chat.moreMembers().get());

    chat.memberLeft(dan);
    assertFalse(chat.memberList().get(3).online(), "gone from the room at once");
    room.memberReads.clear();
    clock.advance(Duration.ofSeconds(1));
    chat.refreshMembers();
    assertEquals(List.of(), room.memberReads, "not read again for every arrival and departure");
    clock.advance(ConversationViewModel.MEMBERS_AFTER_PRESENCE);
    chat.refreshMembers();
    assertEquals(List.of("first", "after bob"), room.memberReads, "read again, as far as was shown");
    assertEquals(4, chat.memberList().size());
    clock.advance(Duration.ofMinutes(11));
    assertFalse(chat.silenceHolds(chat.memberList().get(2)), "cat's silence is over");
  }

  @Test
  void aModerationDoneReadsTheMembersAgain() {
    room.memberList = List.of(new RoomMember(ANN, "owner", true, null));
    chat.refreshMembers();
    chat.moderates().set(true);
    room.memberList = List.of(new RoomMember(ANN, "owner", true, null), new RoomMember(BOB, "moderator", false, null));

    chat.moderator(BOB, true);

    assertEquals(List.of("owner", "moderator"), chat.memberList().stream().map(Member::role).toList());
  }

  @Test
  void aModerationDoneWhileTheMembersAreReadReadsThemAfterThatReadNeverBesideIt() {
    List<Runnable> onTheirWay = new ArrayList<>();
    ConversationViewModel chat = new ConversationViewModel(Channel.room("general"), ANN, room, new Ui(Runnable::run, onTheirWay::add), clock);
    room.memberList = List.of(new RoomMember(ANN, "owner", true, null));
    chat.moderates().set(true);
    chat.refreshMembers();
    chat.moderator(BOB, true);
    onTheirWay.remove(1).run();
    assertEquals(List.of("name bob"), room.moderated);
    assertEquals(1, onTheirWay.size(), "one read on its way at a time: a second could be answered first, and the first shown last");

    onTheirWay.remove(0).run();
    assertEquals(List.of("owner"), chat.memberList().stream().map(Member::role).toList(), "read before the moderation took");
    assertEquals(1, onTheirWay.size(), "the read asked for meanwhile follows");
    room.memberList = List.of(new RoomMember(ANN, "owner", true, null), new RoomMember(BOB, "moderator", false, null));
    onTheirWay.remove(0).run();
    assertEquals(List.of("owner", "moderator"), chat.memberList().stream().map(Member::role).toList());
    assertEquals(List.of(), onTheirWay);
  }

  @Test
  void everyJoinSaysWhetherTheUserIsSilencedHere() {
    Instant until = clock.instant().plusSeconds(300);
    chat.joined(new ServerFrame.RoomJoined("general", List.of(ANN), List.of(), null, until));
    assertEquals(until, chat.silencedUntil().get(), "as after a restart");

    chat.joined(new ServerFrame.RoomJoined("general", List.of(ANN), List.of(), null));
    assertEquals(null, chat.silencedUntil().get(), "lifted while the app was away");

    chat.joined(new ServerFrame.RoomJoined("general", List.of(ANN), List.of(), null, clock.instant().minusSeconds(1)));
    assertEquals(null, chat.silencedUntil().get(), "a silence over by this clock is none");
  }

  @Test
  void aShortcodeInATextIsItsEmojiOnceTheEmojiAreLoaded() {
    Message thanks = message(7, BOB, "**thanks** :thumbsup:");
    assertEquals(
        List.of(new Block.Line(List.of(new Inline.Bold(List.of(new Inline.Plain("thanks"))), new Inline.Plain(" :thumbsup:")))),
        chat.textOf(thanks));

    chat.loadEmoji();

    assertEquals(
        List.of(new Block.Line(List.of(new Inline.Bold(List.of(new Inline.Plain("thanks"))), new Inline.Plain(" "), new Inline.Emoji(UP, "thumbsup")))),
        chat.textOf(thanks));
  }

  @Test
  void pagesOlderHistoryUntilTheFirstMessage() {
    chat.joined(new ServerFrame.RoomJoined("general", List.of(), room.history(chat.channel(), null), null));
    assertEquals(71L, chat.messages().get(0).id());
    chat.loadOlder();
    assertEquals(100, chat.messages().size());
    assertEquals(21L, chat.messages().get(0).id());
    chat.loadOlder();
    chat.loadOlder();

    assertEquals(120, chat.messages().size());
    assertFalse(chat.olderAvailable().get(), "message 1 was reached");
  }

  @Test
  void aShortFirstPageIsTheWholeHistoryButAShortCatchUpIsNot() {
    chat.joined(new ServerFrame.RoomJoined("general", List.of(), List.of(message(3, BOB, "a"), message(4, BOB, "b")), null));
    assertFalse(chat.olderAvailable().get());

    ConversationViewModel resumed = new ConversationViewModel(Channel.room("general"), ANN, room, Ui.inline(), clock);
    resumed.joined(new ServerFrame.RoomJoined("general", List.of(), room.history(chat.channel(), null), null));
    resumed.joined(new ServerFrame.RoomJoined("general", List.of(), List.of(message(121, BOB, "missed")), null));
    assertTrue(resumed.olderAvailable().get());
  }

  @Test
  void sendsTheDraftOnceAndShowsARefusalOfIt() {
    chat.draft().set("  hello  ");
    chat.send();
    chat.send();

    assertEquals(List.of("hello"), room.sent);
    assertEquals("", chat.draft().get());
    assertTrue(chat.refused(new ServerFrame.RequestFailed("rate_limited", "slow down", room.lastClientId)));
    assertEquals("Not sent: slow down", chat.error().get());
    assertFalse(chat.refused(new ServerFrame.RequestFailed("rate_limited", "slow down", "someone-elses")));
  }

  @Test
  void onlyTheAuthorOrAnAdminMayDelete() {
    assertTrue(chat.canDelete(message(5, ANN, "mine")));
    assertFalse(chat.canDelete(message(6, BOB, "theirs")));
    ConversationViewModel asAdmin =
        new ConversationViewModel(Channel.room("general"), User.of(9, "root", Role.ADMIN), room, Ui.inline(), clock);
    assertTrue(asAdmin.canDelete(message(6, BOB, "theirs")));
  }

  @Test
  void aDeletedMessageDisappears() {
    chat.arrived(message(5, ANN, "oops"));
    chat.arrived(message(6, BOB, "stays"));
    chat.delete(chat.messages().get(0));

    assertEquals(List.of(5L), room.deleted);
    assertEquals(List.of(6L), ids());
  }

  @Test
  void typingGoesOutEveryFewSecondsWhileKeysArePressedAndShowsUntilItGoesQuiet() {
    chat.draft().set("h");
    chat.draft().set("he");
    assertEquals(1, room.typed, "once for the first keys");
    clock.advance(Duration.ofSeconds(3));
    chat.draft().set("hel");
    assertEquals(2, room.typed);

    chat.typingNotice(BOB);
    assertEquals(List.of(BOB), chat.typing());
    clock.advance(Duration.ofSeconds(5));
    chat.expireTyping();
    assertEquals(List.of(BOB), chat.typing());
    clock.advance(Duration.ofSeconds(1));
    chat.expireTyping();
    assertEquals(List.of(), chat.typing(), "gone by itself");
    chat.typingNotice(BOB);
    chat.arrived(message(121, BOB, "done"));
    assertEquals(List.of(), chat.typing(), "gone with the message");
  }

  @Test
  void typingOnAfterASendIsToldAgainAsSoonAsTheServerPassesIt() {
    chat.draft().set("first");
    chat.send();
    chat.draft().set("second");
    chat.send();
    clock.advance(Duration.ofMillis(1_100));
    chat.draft().set("n");
    assertEquals(1, room.typed, "the server would drop it, however many were sent");
    clock.advance(Duration.ofMillis(100));
    chat.draft().set("ne");
    assertEquals(2, room.typed, "the message ended the first notice: the others hear again");
  }

  @Test
  void whatIsShownIsMarkedReadOnceUpToItsNewestMessage() {
    chat.arrived(message(7, BOB, "a"));
    chat.markRead();
    chat.markRead();
    chat.arrived(message(8, BOB, "@ann look", List.of("ann")));
    chat.markRead();
    assertEquals(List.of(7L, 8L), room.marked);
    assertTrue(chat.mentionsMe(chat.messages().get(1)));
    assertFalse(chat.mentionsMe(chat.messages().get(0)));
  }

  

  private List<Long> ids() {
    return chat.messages().stream().map(Message::id).toList();
  }

  private static Message message(long id, User from, String text) {
    return message(id, from, text, null);
  }

  private static Message message(long id, User from, String text, List<String> mentions) {
    return new Message(id, id, "general", null, from, text, Instant.EPOCH, null, mentions);
  }

  private static Message changed(Message message, long changedSeq, List<Reaction> reactions) {
    return new Message(
        message.id(), message.seq(), message.room(), message.to(), message.from(), message.text(), message.sentAt(),
        null, null, changedSeq, Instant.EPOCH, message.replyTo(), reactions, null);
  }

  /** An upload as the server sees it: the file, whom to tell how far it got, and its answer. */
  private record Upload(Path path, ChatApi.Progress progress, CompletableFuture<SharedFile> answer) {

    /** The server stored it all: the file as id {@code id}. */
    SharedFile store(long id) throws IOException {
      long size = Files.size(path);
      progress.sent(size, size);
      SharedFile file = new SharedFile(id, path.getFileName().toString(), "application/pdf", size, null);
      answer.complete(file);
      return file;
    }
  }

  private static final class Room implements ConversationActions {

    static final int PAGE = 50;

    final List<String> sent = new ArrayList<>();
    final List<Long> repliesTo = new ArrayList<>();
    final List<String> reactions = new ArrayList<>();
    final List<Long> deleted = new ArrayList<>();
    final List<Long> marked = new ArrayList<>();
    final List<Boolean> mutes = new ArrayList<>();
    int typed;
    String lastClientId;

    final List<List<Long>> sentFiles = new ArrayList<>();
    /** The uploads asked for, each as the server's side of it: finished by the test. */
    final List<Upload> uploads = new ArrayList<>();
    final List<Long> uploadsDeleted = new ArrayList<>();
    final Map<Long, byte[]> stored = new HashMap<>();

    @Override
    public String send(Channel channel, String text, Long replyTo, List<Long> files) {
      sent.add(text);
      repliesTo.add(replyTo);
      sentFiles.add(files);
      lastClientId = "c-" + sent.size();
      return lastClientId;
    }

    @Override
    public CompletableFuture<SharedFile> upload(Path path, ChatApi.Progress progress) {
      Upload upload = new Upload(path, progress, new CompletableFuture<>());
      uploads.add(upload);
      return upload.answer();
    }

    @Override
    public void deleteUpload(long fileId) {
      uploadsDeleted.add(fileId);
    }

    @Override
    public InputStream file(long fileId) {
      byte[] bytes = stored.get(fileId);
      if (bytes == null) {
        throw new ChatApiException(404, "not_found", "no such file", null);
      }
      return new ByteArrayInputStream(bytes);
    }

    @Override
    public InputStream preview(long fileId) {
      return file(fileId);
    }

    @Override
    public List<Message> history(Channel channel, Long beforeId) {
      long before = beforeId == null ? 121 : beforeId;
      long from = Math.max(1, before - PAGE);
      List<Message> page = new ArrayList<>();
      for (long id = from; id < before; id++) {
        page.add(message(id, BOB, "m" + id));
      }
      return page;
    }

    @Override
    public OptionalInt historyPage() {
      return OptionalInt.of(PAGE);
    }

    @Override
    public void delete(long messageId) {
      deleted.add(messageId);
    }

    /** The server's answer to an edit: the text, edited as change 1000 + id. */
    @Override
    public Message edit(long messageId, String text) {
      return changed(message(messageId, ANN, text), 1000 + messageId, null);
    }

    /** The server's answer to a reaction: ann's alone, or none once taken back. */
    @Override
    public Message react(long messageId, String emoji, boolean on) {
      reactions.add((on ? "+" : "-") + emoji);
      List<Reaction> now = on ? List.of(new Reaction(emoji, 1, List.of("ann"), true)) : null;
      return changed(message(messageId, BOB, "m" + messageId), 1000 + reactions.size(), now);
    }

    @Override
    public List<Emoji> emoji() {
      return List.of(new Emoji("thumbsup", UP));
    }

    final List<String> moderated = new ArrayList<>();
    /** The room's members by username, served two to a page; the reads asked for. */
    List<RoomMember> memberList = List.of();
    final List<String> memberReads = new ArrayList<>();

    @Override
    public MemberPage members(String room, String after) {
      memberReads.add(after == null ? "first" : "after " + after);
      List<RoomMember> rest = memberList.stream().filter(m -> after == null || m.user().username().compareTo(after) > 0).toList();
      return new MemberPage(rest.subList(0, Math.min(2, rest.size())), rest.size() > 2 ? true : null);
    }

    @Override
    public void invite(String room, String username) {
      moderated.add("invite " + username);
    }

    @Override
    public void removeMember(String room, String username) {
      moderated.add("remove " + username);
    }

    @Override
    public void moderator(String room, String username, boolean on) {
      moderated.add((on ? "name " : "unname ") + username);
    }

    @Override
    public void silence(String room, String username, int minutes) {
      moderated.add("silence " + username + " " + minutes);
    }

    @Override
    public void markRead(Channel channel, long seq) {
      marked.add(seq);
    }

    @Override
    public void typing(Channel channel) {
      typed++;
    }

    @Override
    public void mute(Channel channel, boolean muted) {
      mutes.add(muted);
    }
  }
}
