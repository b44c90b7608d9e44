package chat.desktop.conversation;

import chat.client.Channel;
import chat.client.ChatApiException;
import chat.client.MessageVersions;
import chat.desktop.Problems;
import chat.desktop.Ui;
import chat.desktop.text.Block;
import chat.desktop.text.Conventions;
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
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * One conversation, a room or a direct one: its messages in id order, each once and as last changed,
 * whatever order history pages, live messages and changes arrive in; the room's members, those in it
 * now and all of them with their roles as the server lists them; the draft, what it answers, the files
 * attached to it on their way to the server, and what became of it; the message being edited; what
 * was fetched of the messages' files.
 */
public final class ConversationViewModel {

  /** The project's clients send a typing notice at most this often while keys are pressed. */
  private static final Duration TYPING_EVERY = Duration.ofSeconds(3);
  /**
   * A message sent ends the others' "is typing", so typing on is told again this soon after the last
   * notice: past the one a second per channel the server passes on, with a margin.
   */
  private static final Duration TYPING_AGAIN_AFTER_SEND = Duration.ofMillis(1_200);
  /** How long "ann is typing..." shows after her last notice (docs/protocol.md, "Your channels"). */
  static final Duration TYPING_SHOWN = Duration.ofSeconds(6);
  /**
   * How many pages back a click on a quote looks for the message it quotes: far enough for a
   * conversation's recent past, and a bound on what one click loads.
   */
  static final int PAGES_BACK_TO_AN_ORIGINAL = 20;
  /**
   * The members are read again this long after someone came or went, once for all who did meanwhile: a
   * newcomer, or one removed, shows without a read for every arrival in a busy room.
   */
  static final Duration MEMBERS_AFTER_PRESENCE = Duration.ofSeconds(2);
  /** And this often while the room is in view: no frame tells of others' roles and silences. */
  static final Duration MEMBERS_EVERY = Duration.ofSeconds(15);

  private final Channel channel;
  private final User me;
  private final ConversationActions actions;
  private final Ui ui;
  private final ObservableList<Message> messages = FXCollections.observableArrayList();
  /** Who is in the room now (presence), as the join and the live frames say. */
  private final ObservableList<User> members = FXCollections.observableArrayList();
  /** Every member, as the panel shows them: those the server listed, and those in the room now. */
  private final ObservableList<Member> memberList = FXCollections.observableArrayList();
  private final BooleanProperty moreMembers = new SimpleBooleanProperty(false);
  /** The members the server listed, by username, in the pages read so far. */
  private List<RoomMember> listed = List.of();
  /** Whether the join has said who is in the room; until then the list's own word on who is online stands. */
  private boolean presenceKnown;
  private boolean readingMembers;
  /** A read of the members was asked for while another was on its way: it follows that one. */
  private boolean membersAgain;
  /** When the members were last read (null: never), and since when they are due again (null: not). */
  private Instant membersReadAt;
  private Instant membersStaleSince;
  private final StringProperty draft = new SimpleStringProperty("");
  private final StringProperty error = new SimpleStringProperty("");
  private final BooleanProperty olderAvailable = new SimpleBooleanProperty(true);
  private final BooleanProperty loadingOlder = new SimpleBooleanProperty(false);
  /** ClientIds sent from here and not yet answered: a refusal of one of them is this view's to show. */
  private final Set<String> sent = new HashSet<>();
  /** Who is typing here, and until when their last notice shows them so. */
  private final ObservableList<User> typing = FXCollections.observableArrayList();
  private final Map<Long, Instant> typingUntil = new HashMap<>();
  private final BooleanProperty muted = new SimpleBooleanProperty(false);
  /** The message the draft answers, or null. */
  private final ObjectProperty<Message> replyingTo = new SimpleObjectProperty<>();
  private final ObservableList<Emoji> emoji = FXCollections.observableArrayList();
  /** What each shortcode of {@link #emoji} stands for. */
  private Map<String, String> shortcodes = Map.of();
  /** The message being edited in place, or null; its new text. */
  private final ObjectProperty<Message> editing = new SimpleObjectProperty<>();
  private final StringProperty editText = new SimpleStringProperty("");
  private final BooleanProperty privateRoom = new SimpleBooleanProperty(false);
  private final BooleanProperty moderates = new SimpleBooleanProperty(false);
  private final BooleanProperty owns = new SimpleBooleanProperty(false);
  private final StringProperty invitee = new SimpleStringProperty("");
  private final StringProperty moderation = new SimpleStringProperty("");
  private final ObjectProperty<Instant> silencedUntil = new SimpleObjectProperty<>();
  /** The id of the message to bring into view (a quote's original once it is loaded), or null. */
  private final ObjectProperty<Long> shown = new SimpleObjectProperty<>();
  /** A message to bring into view once the first page comes (the conversation was just opened), or null. */
  private Long showOnceLoaded;
  /** The files attached to the draft, in the order they were picked, until their message is sent. */
  private final ObservableList<Attachment> attachments = FXCollections.observableArrayList();
  /** Whether the draft was sent and waits for its files to be uploaded. */
  private final BooleanProperty sendWaiting = new SimpleBooleanProperty(false);
  /** The files of messages sent from here and not yet answered, by clientId: a refused one's come back. */
  private final Map<String, List<Attachment>> sentFiles = new HashMap<>();
  /** Messages' files the server no longer has for the user (their message was deleted). */
  private final ObservableSet<Long> unavailable = FXCollections.observableSet();
  /** What became of the last file saved. */
  private final StringProperty fileNotice = new SimpleStringProperty("");
  private final Clock clock;
  private Instant typingSentAt = Instant.MIN;
  private Instant typingAgainAt = Instant.MIN;
  private long markedSeq;

  public ConversationViewModel(Channel channel, User me, ConversationActions actions, Ui ui, Clock clock) {
    this.channel = channel;
    this.me = me;
    this.actions = actions;
    this.ui = ui;
    this.clock = clock;
    draft.addListener((o, was, now) -> typed(now));
  }

  public Channel channel() {
    return channel;
  }

  public User me() {
    return me;
  }

  public String title() {
    return channel instanceof Channel.RoomChannel room
        ? "# " + room.room()
        : "@ " + ((Channel.DirectChannel) channel).username();
  }

  public boolean isRoom() {
    return channel instanceof Channel.RoomChannel;
  }

  public ObservableList<Message> messages() {
    return messages;
  }

  /** Who is in the room now. */
  public ObservableList<User> members() {
    return members;
  }

  /** Every member of the room, online or not, by username, each with their role and silence as known. */
  public ObservableList<Member> memberList() {
    return memberList;
  }

  /** Whether the room has members past those listed, which {@link #loadMoreMembers} reads. */
  public BooleanProperty moreMembers() {
    return moreMembers;
  }

  /**
   * Reads the members again when they are due: never read yet, someone came or went a moment ago, or
   * {@link #MEMBERS_EVERY} since the last read. Called every second for the room in view, and as it
   * comes into view.
   */
  public void refreshMembers() {
    if (!isRoom() || readingMembers) {
      return;
    }
    Instant now = clock.instant();
    boolean due =
        membersReadAt == null
            || (membersStaleSince != null && !now.isBefore(membersStaleSince.plus(MEMBERS_AFTER_PRESENCE)))
            || !now.isBefore(membersReadAt.plus(MEMBERS_EVERY));
    if (due) {
      readMembers();
    }
  }

  /** Whether a silence of {@code member}'s holds now, as far as the list told of it. */
  public boolean silenceHolds(Member member) {
    return member.silencedAt(clock.instant());
  }

  /** The members may have changed (the user's own role, say): they are read again in a moment. */
  public void membersStale() {
    if (membersStaleSince == null) {
      membersStaleSince = clock.instant();
    }
  }

  /** The next page of members after those listed. */
  public void loadMoreMembers() {
    if (!(channel instanceof Channel.RoomChannel(String room)) || readingMembers || !moreMembers.get() || listed.isEmpty()) {
      return;
    }
    readingMembers = true;
    String after = listed.get(listed.size() - 1).user().username();
    ui.run(
        () -> membersFrom(room, after, 1),
        page -> {
          readingMembers = false;
          List<RoomMember> more = new ArrayList<>(listed);
          more.addAll(page.members());
          listed = List.copyOf(more);
          moreMembers.set(page.hasMore());
          showMembers();
          readMembersAgainIfAsked();
        },
        failure -> {
          readingMembers = false;
          moderation.set(Problems.describe(failure));
          readMembersAgainIfAsked();
        });
  }

  /**
   * Reads the members from the first again, as many as were listed (a list paged on stays as long). A
   * read that fails leaves the list as it was, and is tried again when it is next due.
   */
  private void readMembers() {
    if (!(channel instanceof Channel.RoomChannel(String room))) {
      return;
    }
    if (readingMembers) {
      // Read after the one on its way, which may have been answered before what calls for this one.
      membersAgain = true;
      return;
    }
    readingMembers = true;
    membersStaleSince = null;
    int shown = listed.size();
    ui.run(
        () -> membersFrom(room, null, shown),
        page -> {
          membersRead();
          listed = page.members();
          moreMembers.set(page.hasMore());
          showMembers();
          readMembersAgainIfAsked();
        },
        failure -> {
          membersRead();
          readMembersAgainIfAsked();
        });
  }

  private void membersRead() {
    readingMembers = false;
    membersReadAt = clock.instant();
  }

  private void readMembersAgainIfAsked() {
    if (membersAgain) {
      membersAgain = false;
      readMembers();
    }
  }

  /** Off the FX thread: pages of members after {@code after} until {@code atLeast} are read, or there are no more. */
  private MemberPage membersFrom(String room, String after, int atLeast) {
    List<RoomMember> read = new ArrayList<>();
    String from = after;
    MemberPage page;
    do {
      page = actions.members(room, from);
      read.addAll(page.members());
      from = read.isEmpty() ? null : read.get(read.size() - 1).user().username();
    } while (page.hasMore() && !page.members().isEmpty() && read.size() < atLeast);
    return new MemberPage(List.copyOf(read), page.more());
  }

  /** The members listed and those in the room now, once each, by username; online as presence says, once it has. */
  private void showMembers() {
    Set<Long> here = new HashSet<>();
    members.forEach(user -> here.add(user.id()));
    Map<Long, Member> shown = new LinkedHashMap<>();
    for (RoomMember member : listed) {
      boolean online = presenceKnown ? here.contains(member.user().id()) : member.online();
      shown.put(member.user().id(), new Member(member.user(), member.role(), online, member.silencedUntil()));
    }
    for (User user : members) {
      shown.putIfAbsent(user.id(), new Member(user, null, true, null));
    }
    memberList.setAll(
        shown.values().stream().sorted(Comparator.comparing(m -> m.user().username().toLowerCase(Locale.ROOT))).toList());
  }

  public StringProperty draft() {
    return draft;
  }

  public StringProperty error() {
    return error;
  }

  public BooleanProperty olderAvailable() {
    return olderAvailable;
  }

  /** Who is typing in this channel now ({@link #expireTyping} forgets the ones gone quiet). */
  public ObservableList<User> typing() {
    return typing;
  }

  /** Whether the user muted this channel, on any device: it raises no notification. */
  public BooleanProperty muted() {
    return muted;
  }

  public void toggleMute() {
    boolean now = !muted.get();
    ui.run(
        () -> {
          actions.mute(channel, now);
          return now;
        },
        done -> {},
        failure -> error.set(Problems.describe(failure)));
  }

  /** Whether {@code message} names the user looking (the server's list of mentions). */
  public boolean mentionsMe(Message message) {
    return message.mentions(me.username());
  }

  /**
   * What is shown here is read: its newest seq goes to the server, unless it went already. The caller
   * keeps to about one a second ({@link chat.desktop.main.MainViewModel#tick}).
   */
  public void markRead() {
    long last = messages.isEmpty() ? 0 : messages.get(messages.size() - 1).seq();
    if (last > markedSeq) {
      markedSeq = last;
      actions.markRead(channel, last);
    }
  }

  /** The newest seq this conversation holds; 0 before any message. */
  public long lastSeq() {
    return messages.isEmpty() ? 0 : messages.get(messages.size() - 1).seq();
  }

  /** Keys pressed in the draft: the others hear of it, every few seconds at most. */
  private void typed(String text) {
    Instant now = clock.instant();
    if (text != null && !text.isBlank() && !now.isBefore(typingAgainAt)) {
      typingSentAt = now;
      typingAgainAt = now.plus(TYPING_EVERY);
      actions.typing(channel);
    }
  }

  /** {@code user} is typing here, as their notice says. */
  public void typingNotice(User user) {
    typingUntil.put(user.id(), clock.instant().plus(TYPING_SHOWN));
    if (typing.stream().noneMatch(u -> u.id() == user.id())) {
      typing.add(user);
    }
  }

  /** Forgets the typists whose last notice is older than they are shown for. */
  public void expireTyping() {
    Instant now = clock.instant();
    typing.removeIf(u -> !typingUntil.getOrDefault(u.id(), Instant.MIN).isAfter(now));
    typingUntil.keySet().removeIf(id -> typing.stream().noneMatch(u -> u.id() == id));
  }

  /**
   * Sends the draft with its files. While some are still uploading it waits for them (and says so), and
   * goes once they are all uploaded; a file that failed keeps it from going until it is taken off.
   */
  public void send() {
    String text = draft.get() == null ? "" : draft.get().strip();
    if (sendWaiting.get() || (text.isEmpty() && attachments.isEmpty())) {
      return;
    }
    if (attachments.stream().anyMatch(a -> a.state().get() == Attachment.State.FAILED)) {
      error.set("Not sent: take off the files that were not uploaded (×) first.");
      return;
    }
    if (attachments.stream().anyMatch(Attachment::underWay)) {
      error.set("");
      sendWaiting.set(true);
      return;
    }
    sendNow();
  }

  /** Whether the draft waits for its files to be uploaded before it goes. */
  public ReadOnlyBooleanProperty sendWaiting() {
    return sendWaiting;
  }

  private void sendNow() {
    String text = draft.get() == null ? "" : draft.get().strip();
    List<Attachment> files = List.copyOf(attachments);
    Message answered = replyingTo.get();
    String clientId =
        actions.send(channel, text, answered == null ? null : answered.id(), files.stream().map(a -> a.file().id()).toList());
    sent.add(clientId);
    if (!files.isEmpty()) {
      files.forEach(Attachment::sentWithMessage);
      sentFiles.put(clientId, files);
      attachments.clear();
    }
    draft.set("");
    replyingTo.set(null);
    error.set("");
    if (!typingSentAt.equals(Instant.MIN)) {
      Instant soonest = typingSentAt.plus(TYPING_AGAIN_AFTER_SEND);
      typingAgainAt = soonest.isBefore(typingAgainAt) ? soonest : typingAgainAt;
    }
  }

  // ---- files attached to the draft ----

  /** The files attached to the draft, each on its way to the server or there. */
  public ObservableList<Attachment> attachments() {
    return attachments;
  }

  /** Attaches {@code files} to the draft; each is uploaded at once, one after the other. */
  public void attach(List<Path> files) {
    for (Path path : files) {
      long size;
      try {
        size = Files.isRegularFile(path) ? Files.size(path) : -1;
      } catch (IOException e) {
        size = -1;
      }
      Attachment attachment = new Attachment(path, Math.max(0, size));
      if (size < 0) {
        attachment.failed("Not a file that can be read: folders are not attached.");
      }
      attachments.add(attachment);
    }
    uploadNext();
  }

  /**
   * Takes {@code attachment} off the draft: its upload stops if it runs, and an uploaded one is deleted
   * from the server. A draft waiting for it to be sent waits no more, and is not sent.
   */
  public void detach(Attachment attachment) {
    if (attachment.state().get() == Attachment.State.READY) {
      forget(attachment.file());
    }
    attachment.cancel();
    attachments.remove(attachment);
    callOffWaitingSend("Not sent: " + attachment.name() + " was taken off. Send again to send the rest.");
    uploadNext();
  }

  /** One upload at a time: the server takes two at once from a user, and another device may be sending. */
  private void uploadNext() {
    if (attachments.stream().anyMatch(a -> a.state().get() == Attachment.State.UPLOADING)) {
      return;
    }
    attachments.stream()
        .filter(a -> a.state().get() == Attachment.State.PENDING)
        .findFirst()
        .ifPresent(
            attachment -> {
              CompletableFuture<SharedFile> upload =
                  actions.upload(
                      attachment.path(),
                      (bytes, total) -> {
                        attachment.handedOver(bytes, total);
                        ui.onFxThread(() -> attachment.sent(bytes, total));
                      });
              attachment.uploading(upload);
              ui.when(upload, file -> uploaded(attachment, file), failure -> uploadFailed(attachment, failure));
            });
  }

  private void uploaded(Attachment attachment, SharedFile file) {
    if (attachment.state().get() != Attachment.State.UPLOADING) {
      // Taken off once its bytes had all gone, or as the server answered: what it kept goes too.
      forget(file);
      return;
    }
    attachment.ready(file);
    uploadNext();
    if (sendWaiting.get() && attachments.stream().noneMatch(Attachment::underWay)) {
      sendWaiting.set(false);
      sendNow();
    }
  }

  private void uploadFailed(Attachment attachment, Exception failure) {
    if (attachment.state().get() != Attachment.State.UPLOADING) {
      return;
    }
    attachment.failed(Problems.inServersWords(failure));
    callOffWaitingSend("Not sent: " + attachment.name() + " was not uploaded.");
    uploadNext();
  }

  private void callOffWaitingSend(String why) {
    if (sendWaiting.get()) {
      sendWaiting.set(false);
      error.set(why);
    }
  }

  /**
   * Deletes an upload no message will carry. A deletion that fails leaves it to the server, which
   * deletes uploads not sent within a day (CHAT_FILE_PENDING_HOURS).
   */
  private void forget(SharedFile file) {
    ui.run(
        () -> {
          actions.deleteUpload(file.id());
          return file;
        },
        deleted -> {},
        failure -> {});
  }

  // ---- the files of messages ----

  /** The messages' files the server no longer has for the user: their message was deleted. */
  public ObservableSet<Long> unavailable() {
    return unavailable;
  }

  /** What became of the last file saved. */
  public StringProperty fileNotice() {
    return fileNotice;
  }

  /**
   * Fetches a picture's preview off the FX thread and makes of it there what {@code decode} makes (an
   * image), handed to {@code shown} on the FX thread; {@code failed} hears of anything else, and a
   * file gone is {@link #unavailable}.
   */
  public <T> void preview(SharedFile file, Function<InputStream, T> decode, Consumer<T> shown, Runnable failed) {
    fetch(
        () -> actions.preview(file.id()),
        decode,
        shown,
        failure -> {
          failed.run();
          if (gone(failure)) {
            unavailable.add(file.id());
          }
        });
  }

  /** As {@link #preview}, with the file's own bytes: a picture in full, for its own window. */
  public <T> void fullSize(SharedFile file, Function<InputStream, T> decode, Consumer<T> shown) {
    fetch(() -> actions.file(file.id()), decode, shown, failure -> fetchFailed(file, failure));
  }

  /**
   * Saves {@code file} at {@code target}, its bytes streamed from the server to the disk beside it;
   * one broken off on the way leaves nothing at {@code target}.
   */
  public void save(SharedFile file, Path target) {
    ui.run(
        () -> {
          Path part = Files.createTempFile(target.toAbsolutePath().getParent(), ".chat-", ".part");
          try (InputStream bytes = actions.file(file.id())) {
            Files.copy(bytes, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
          } finally {
            Files.deleteIfExists(part);
          }
          return target;
        },
        saved -> fileNotice.set("Saved " + file.name() + " as " + saved + "."),
        failure -> fetchFailed(file, failure));
  }

  /** Off the FX thread: the bytes, as {@code decode} reads them while they come. */
  private <T> void fetch(
      Callable<InputStream> bytes, Function<InputStream, T> decode, Consumer<T> shown, Consumer<Exception> failed) {
    ui.run(
        () -> {
          try (InputStream in = bytes.call()) {
            return decode.apply(in);
          }
        },
        shown,
        failed);
  }

  private void fetchFailed(SharedFile file, Exception failure) {
    if (gone(failure)) {
      unavailable.add(file.id());
      error.set(file.name() + " is no longer available: its message was deleted.");
    } else {
      error.set(Problems.describe(failure));
    }
  }

  private static boolean gone(Exception failure) {
    return failure instanceof ChatApiException refusal && "not_found".equals(refusal.code());
  }

  /** The page before the oldest message shown; the newest page when none is shown yet. */
  public void loadOlder() {
    if (loadingOlder.get() || !olderAvailable.get()) {
      return;
    }
    loadingOlder.set(true);
    Long before = messages.isEmpty() ? null : messages.get(0).id();
    ui.run(
        () -> actions.history(channel, before),
        page -> {
          loadingOlder.set(false);
          merge(page);
          if (isOldest(page)) {
            olderAvailable.set(false);
          }
          firstPageIn();
        },
        failure -> {
          loadingOlder.set(false);
          error.set(Problems.describe(failure));
        });
  }

  public ObjectProperty<Message> replyingTo() {
    return replyingTo;
  }

  /** The draft answers {@code message}, until it is sent or the reply is cancelled. */
  public void replyTo(Message message) {
    replyingTo.set(message);
  }

  public void cancelReply() {
    replyingTo.set(null);
  }

  public ObjectProperty<Message> editing() {
    return editing;
  }

  public StringProperty editText() {
    return editText;
  }

  /** Authors edit their own messages, in place. */
  public boolean canEdit(Message message) {
    return isMine(message);
  }

  public void startEdit(Message message) {
    editText.set(message.text());
    editing.set(message);
  }

  public void cancelEdit() {
    editing.set(null);
  }

  /** Saves the edit; the message shows its new text once the server has it, here and everywhere. */
  public void saveEdit() {
    Message message = editing.get();
    String text = editText.get() == null ? "" : editText.get().strip();
    if (message == null) {
      return;
    }
    if (text.isEmpty() || text.equals(message.text())) {
      editing.set(null);
      return;
    }
    ui.run(
        () -> actions.edit(message.id(), text),
        edited -> {
          editing.set(null);
          error.set("");
          changed(edited, null);
        },
        failure -> error.set("Not edited: " + Problems.describe(failure)));
  }

  /** The emoji a reaction may be, for the picker: empty until {@link #loadEmoji} has them. */
  public ObservableList<Emoji> emoji() {
    return emoji;
  }

  /**
   * Asks the server for the emoji, once, off the FX thread. They are also what {@code :name:} in a text
   * stands for: a view that draws texts redraws them when the list changes.
   */
  public void loadEmoji() {
    if (emoji.isEmpty()) {
      ui.run(
          actions::emoji,
          list -> {
            shortcodes = list.stream().collect(Collectors.toUnmodifiableMap(Emoji::name, Emoji::emoji, (a, b) -> a));
            emoji.setAll(list);
          },
          failure -> error.set(Problems.describe(failure)));
    }
  }

  /** The message's text read by its conventions; a shortcode stays text until the emoji are loaded. */
  public List<Block> textOf(Message message) {
    return Conventions.parse(message.text(), shortcodes);
  }

  /** Adds the user's {@code emoji} to the message, or takes it back when it is theirs already. */
  public void toggleReaction(Message message, String emoji) {
    boolean on =
        message.reactions() == null
            || message.reactions().stream().noneMatch(r -> r.emoji().equals(emoji) && Boolean.TRUE.equals(r.mine()));
    ui.run(
        () -> actions.react(message.id(), emoji, on),
        now -> changed(now, null),
        failure -> error.set(Problems.describe(failure)));
  }

  /** Who reacted with {@code reaction}, for its tooltip: the names the server lists, and how many more. */
  public static String reactedBy(Reaction reaction) {
    String names = String.join(", ", reaction.users());
    int more = reaction.count() - reaction.users().size();
    return more > 0 ? names + " and " + more + " more" : names;
  }

  /** The id of the message to bring into view, set once it is loaded. */
  public ObjectProperty<Long> shown() {
    return shown;
  }

  /**
   * Brings the message {@code id} into view: at once when it is loaded, else once the pages before the
   * oldest shown reach it, at most {@link #PAGES_BACK_TO_AN_ORIGINAL} of them. In a conversation just
   * opened (a search's result), that begins when its first page comes.
   */
  public void showMessage(long id) {
    if (indexOf(id) >= 0) {
      shown.set(null);
      shown.set(id);
      return;
    }
    if (messages.isEmpty() && olderAvailable.get()) {
      showOnceLoaded = id;
      return;
    }
    if (!olderAvailable.get()) {
      error.set("That message is no longer in this conversation.");
      return;
    }
    loadingOlder.set(true);
    long oldest = messages.get(0).id();
    ui.run(
        () -> pagesBackTo(id, oldest),
        back -> {
          loadingOlder.set(false);
          merge(back.messages());
          if (back.oldest()) {
            olderAvailable.set(false);
          }
          if (indexOf(id) >= 0) {
            shown.set(null);
            shown.set(id);
          } else {
            error.set("That message is too far back to bring into view.");
          }
        },
        failure -> {
          loadingOlder.set(false);
          error.set(Problems.describe(failure));
        });
  }

  /** Off the FX thread: the pages before {@code oldest} until one holds {@code id}, or there is no more. */
  private PagesBack pagesBackTo(long id, long oldest) {
    List<Message> loaded = new ArrayList<>();
    long before = oldest;
    for (int page = 0; page < PAGES_BACK_TO_AN_ORIGINAL && before > id; page++) {
      List<Message> older = actions.history(channel, before);
      loaded.addAll(older);
      if (isOldest(older)) {
        return new PagesBack(loaded, true);
      }
      before = older.get(0).id();
    }
    return new PagesBack(loaded, false);
  }

  /** The messages of the pages loaded back, and whether the last of them was the oldest there is. */
  private record PagesBack(List<Message> messages, boolean oldest) {}

  /** Authors delete their own messages; administrators any. */
  public boolean canDelete(Message message) {
    return message.from().id() == me.id() || me.role() == Role.ADMIN || moderates.get();
  }

  // ---- a room's own moderation ----

  /** Whether the room is private: seen by its members only, who join when invited. */
  public BooleanProperty privateRoom() {
    return privateRoom;
  }

  /** Whether the user moderates this room (its owner, one of its moderators, or an administrator). */
  public BooleanProperty moderates() {
    return moderates;
  }

  /** Whether the user owns this room, and so names its moderators. */
  public BooleanProperty owns() {
    return owns;
  }

  /** The name to invite, in the header of a private room the user moderates. */
  public StringProperty invitee() {
    return invitee;
  }

  /** Until when a moderator silenced the user here; null while they may speak. */
  public ObjectProperty<Instant> silencedUntil() {
    return silencedUntil;
  }

  /** Invites {@code invitee} to the private room; they see it at once, on every device. */
  public void invite() {
    String username = invitee.get() == null ? "" : invitee.get().strip();
    if (username.isEmpty() || !(channel instanceof Channel.RoomChannel(String room))) {
      return;
    }
    moderate(() -> actions.invite(room, username), "Invited " + username + ".");
    invitee.set("");
  }

  /** Ends {@code member}'s membership of this room, on every device of theirs. */
  public void remove(User member) {
    if (channel instanceof Channel.RoomChannel(String room)) {
      moderate(() -> actions.removeMember(room, member.username()), "Removed " + member.username() + ".");
    }
  }

  /** Names ({@code on}) or unnames {@code member} a moderator of this room. */
  public void moderator(User member, boolean on) {
    if (channel instanceof Channel.RoomChannel(String room)) {
      String done = member.username() + (on ? " moderates the room now." : " no longer moderates the room.");
      moderate(() -> actions.moderator(room, member.username(), on), done);
    }
  }

  /** Refuses {@code member}'s messages here for {@code minutes}; 0 lifts it. */
  public void silence(User member, int minutes) {
    if (channel instanceof Channel.RoomChannel(String room)) {
      String done = minutes == 0 ? member.username() + " may speak again." : member.username() + " is silenced for " + minutes + " minutes.";
      moderate(() -> actions.silence(room, member.username(), minutes), done);
    }
  }

  /** What the last moderation did, or why it was refused. */
  public StringProperty moderation() {
    return moderation;
  }

  /** Does a moderation; once the server took it, the members are read again, to show what it did. */
  private void moderate(Runnable call, String done) {
    ui.run(
        () -> {
          call.run();
          return done;
        },
        said -> {
          moderation.set(said);
          readMembers();
        },
        failure -> moderation.set(Problems.describe(failure)));
  }

  /** A moderator silenced the user here until {@code until}, or lifted it (null); a time past is no silence. */
  public void silenced(Instant until) {
    silencedUntil.set(until != null && until.isAfter(clock.instant()) ? until : null);
  }

  /** A silence whose time has come is over (looked at every second, with the typists). */
  public void expireSilence() {
    Instant until = silencedUntil.get();
    if (until != null && !until.isAfter(clock.instant())) {
      silencedUntil.set(null);
    }
  }

  public boolean isMine(Message message) {
    return message.from().id() == me.id();
  }

  public void delete(Message message) {
    ui.run(
        () -> {
          actions.delete(message.id());
          return message.id();
        },
        this::deleted,
        failure -> error.set(Problems.describe(failure)));
  }

  /**
   * A page shorter than the server's page size holds the oldest message there is. Before the server
   * has said its size, only an empty page is known to.
   */
  private boolean isOldest(List<Message> page) {
    return page.size() < actions.historyPage().orElse(1);
  }

  // ---- what the server says about this conversation ----

  public void joined(ServerFrame.RoomJoined joined) {
    if (messages.isEmpty() && isOldest(joined.history())) {
      // The first join brings the newest page; a short one is the whole history. (A rejoin after a
      // reconnect brings only what was missed, and says nothing about what is older.)
      olderAvailable.set(false);
    }
    merge(joined.history());
    members.setAll(joined.members());
    presenceKnown = true;
    showMembers();
    // How the user stands here, at every join: after a restart or a reconnect too.
    silenced(joined.silencedUntil());
    firstPageIn();
  }

  /** What was to be brought into view once the first page came is now. */
  private void firstPageIn() {
    Long id = showOnceLoaded;
    if (id != null) {
      showOnceLoaded = null;
      showMessage(id);
    }
  }

  /**
   * A live message. Its author may have changed their profile while it crossed from another node: the
   * profile this conversation holds (kept by {@link #renamed}) is newer than the message's, when it
   * holds one (docs/protocol.md, "Profiles").
   */
  public void arrived(Message message) {
    if (sent.remove(message.clientId()) && isMine(message)) {
      error.set("");
      sentFiles.remove(message.clientId());
    }
    merge(List.of(withKnownAuthor(message)));
    typing.removeIf(u -> u.id() == message.from().id());
  }

  /** Someone's profile changed: every message of theirs and their place among the members show it. */
  public void renamed(User user) {
    for (int i = 0; i < messages.size(); i++) {
      Message message = messages.get(i);
      if (message.from().id() == user.id() && !message.from().equals(user)) {
        messages.set(i, withAuthor(message, user));
      }
    }
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i).id() == user.id()) {
        members.set(i, user);
      }
    }
    listed =
        listed.stream()
            .map(m -> m.user().id() == user.id() ? new RoomMember(user, m.role(), m.online(), m.silencedUntil()) : m)
            .toList();
    showMembers();
  }

  private Message withKnownAuthor(Message message) {
    long author = message.from().id();
    return members.stream()
        .filter(m -> m.id() == author)
        .findFirst()
        .or(() -> messages.stream().map(Message::from).filter(u -> u.id() == author).findFirst())
        .map(known -> withAuthor(message, known))
        .orElse(message);
  }

  private static Message withAuthor(Message message, User author) {
    return message.withFrom(author);
  }

  /**
   * A message changed (edited, reacted to): shown as it now is, unless what is shown is a later
   * version; {@code reacted} is whose reaction a live change was. A message not loaded here stays so.
   */
  public void changed(Message message, ServerFrame.Reacted reacted) {
    int at = indexOf(message.id());
    if (at >= 0) {
      Message shownNow = messages.get(at);
      Message newer = MessageVersions.newer(shownNow, message, reacted, me.username());
      if (newer != shownNow) {
        messages.set(at, withAuthor(newer, shownNow.from()));
        if (!Objects.equals(newer.text(), shownNow.text())) {
          quoted(newer.id(), reply -> new Reply(reply.id(), reply.seq(), reply.from(), excerpt(newer.text()), null));
        }
      }
    }
  }

  /** The replies to message {@code id} quote it as {@code now} makes it (edited, deleted). */
  private void quoted(long id, UnaryOperator<Reply> now) {
    for (int i = 0; i < messages.size(); i++) {
      Message message = messages.get(i);
      if (message.replyTo() != null && message.replyTo().id() == id) {
        messages.set(i, message.withReplyTo(now.apply(message.replyTo())));
      }
    }
  }

  /** What a reply carries of a text, as the server cuts it. */
  private static String excerpt(String text) {
    return text.codePointCount(0, text.length()) <= Reply.EXCERPT
        ? text
        : text.substring(0, text.offsetByCodePoints(0, Reply.EXCERPT));
  }

  public void deleted(long messageId) {
    messages.removeIf(m -> m.id() == messageId);
    if (replyingTo.get() != null && replyingTo.get().id() == messageId) {
      replyingTo.set(null);
    }
    // A reply to it says now that what it answers was deleted.
    quoted(messageId, Reply::asDeleted);
  }

  /** Someone came into the room: online at once, and the members are read again in a moment (a newcomer's role). */
  public void memberJoined(User user) {
    if (members.stream().noneMatch(m -> m.id() == user.id())) {
      members.add(user);
    }
    membersStale();
    showMembers();
  }

  /** Someone went: offline at once; read again in a moment, the list says whether they are still a member. */
  public void memberLeft(User user) {
    members.removeIf(m -> m.id() == user.id());
    membersStale();
    showMembers();
  }

  /** True when the refusal was of a message sent from here, which this view then shows. */
  public boolean refused(ServerFrame.RequestFailed failure) {
    if (failure.ref() == null || !sent.remove(failure.ref())) {
      return false;
    }
    error.set("Not sent: " + failure.message());
    List<Attachment> back = sentFiles.remove(failure.ref());
    if (back != null) {
      // Still uploads of the user's, not sent: on the draft again, to send once more or take off.
      back.forEach(Attachment::backOnTheDraft);
      attachments.addAll(0, back);
    }
    return true;
  }

  /** Adds what is new; a message shown already takes the later of its two versions. */
  private void merge(List<Message> incoming) {
    for (Message message : incoming) {
      int at = indexOf(message.id());
      if (at < 0) {
        messages.add(-at - 1, MessageVersions.newer(null, message, null, me.username()));
      } else {
        changed(message, null);
      }
    }
  }

  private int indexOf(long id) {
    int low = 0;
    int high = messages.size() - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      long found = messages.get(middle).id();
      if (found < id) {
        low = middle + 1;
      } else if (found > id) {
        high = middle - 1;
      } else {
        return middle;
      }
    }
    return -(low + 1);
  }
}
