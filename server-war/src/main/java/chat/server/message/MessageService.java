package chat.server.message;

import chat.dto.Limits;
import chat.dto.Message;
import chat.dto.Reply;
import chat.dto.User;
import chat.server.config.ChatConfig;
import chat.server.error.ChatException;
import chat.server.file.FileAttachments;
import chat.server.input.InputText;
import chat.server.ratelimit.RateLimits;
import chat.server.room.RoomRef;
import chat.server.room.Silences;
import chat.server.social.SocialService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** Posting to rooms and friends, and reading history; changes to what was posted are {@link ChangeService}'s. */
@ApplicationScoped
public class MessageService {

  private static final int DEFAULT_PAGE = 50;
  private static final int MAX_PAGE = 200;
  private static final int MAX_CLIENT_ID = 64;

  private MessageWriter writer;
  private HistoryStore history;
  private ConversationStore conversationStore;
  private ChangeStore targets;
  private MessageText text;
  private SocialService social;
  private RateLimits limits;
  private Silences silences;
  private FileAttachments attachments;
  /** Conversation ids by the pair's ids, lower first: a conversation's id never changes. */
  private final Map<List<Long>, Long> conversations = new ConcurrentHashMap<>();
  private int catchUpLimit;

  protected MessageService() {}

  @Inject
  MessageService(
      MessageWriter writer,
      HistoryStore history,
      ConversationStore conversationStore,
      ChangeStore targets,
      MessageText text,
      SocialService social,
      RateLimits limits,
      Silences silences,
      FileAttachments attachments,
      ChatConfig config) {
    this.writer = writer;
    this.history = history;
    this.conversationStore = conversationStore;
    this.targets = targets;
    this.text = text;
    this.social = social;
    this.limits = limits;
    this.silences = silences;
    this.attachments = attachments;
    this.catchUpLimit = config.catchUpLimit();
  }

  /** The numbers a client keeps to, told in {@code welcome} and by {@code GET /api/limits}. */
  public Limits limits() {
    return new Limits(text.maxText(), DEFAULT_PAGE, MAX_PAGE, limits.rates());
  }

  /**
   * Stores a message; the writer then sends it to everyone in the room, the sender's sockets included
   * (their acknowledgement), and a repeat of a {@code clientId}, not stored again, as {@link FanOut} says.
   * The outcome says whether the sender is still to be answered alone. {@code replyTo}, if set, is a
   * message of the room that this one answers; {@code files}, if any, the sender's uploads it carries.
   */
  public CompletionStage<PostOutcome> post(
      User sender, RoomRef room, String text, String clientId, Long replyTo, List<Long> files) {
    checkText(text, clientId, files);
    Optional<Instant> silenced = silences.until(room.id(), sender.id());
    if (silenced.isPresent()) {
      throw ChatException.forbidden("a moderator silenced you in '" + room.name() + "' until " + silenced.get());
    }
    Destination destination = Destination.of(room);
    return writer.submit(newMessage(destination, sender, text, clientId, replyTo, files));
  }

  private NewMessage newMessage(
      Destination destination, User sender, String text, String clientId, Long replyTo, List<Long> files) {
    return new NewMessage(
        destination,
        sender,
        text == null ? "" : text,
        clientId,
        reply(destination, replyTo),
        attachments.sendable(sender, files, clientId));
  }

  /**
   * A service's message (docs/protocol.md, "Server-to-server API"): stored and sent like a user's, with
   * a {@code clientId} required, since a service that retries a call must not post twice. The answer is
   * the stored message, or the original of a repeat.
   */
  public CompletionStage<Message> postAsService(User service, RoomRef room, String text, String clientId) {
    if (clientId == null) {
      throw ChatException.invalid("send a clientId, so that a retry of this call does not post twice");
    }
    return post(service, room, text, clientId, null, null).thenApply(PostOutcome::message);
  }

  /** Stores a direct message to a friend, which is then sent to every socket of both, as for rooms. */
  public CompletionStage<PostOutcome> postDirect(
      User sender, String to, String text, String clientId, Long replyTo, List<Long> files) {
    checkText(text, clientId, files);
    User recipient = social.other(sender, to);
    if (!social.friends(sender.id(), recipient.id())) {
      throw ChatException.forbidden(
          "direct messages go to friends only; ask " + recipient.username() + " first");
    }
    Destination destination = Destination.direct(conversation(sender.id(), recipient.id()), recipient);
    return writer.submit(newMessage(destination, sender, text, clientId, replyTo, files));
  }

  /** What a reply carries of the message it answers, which must be a live one of its own channel. */
  private Reply reply(Destination destination, Long replyTo) {
    if (replyTo == null) {
      return null;
    }
    return targets
        .target(replyTo)
        .filter(original -> original.isIn(destination))
        .map(Target::asReply)
        .orElseThrow(() -> ChatException.invalid("replyTo must be a message of the same room or conversation"));
  }

  /**
   * A page of a room's history in ascending id order: with {@code afterSeq} or {@code after}, the oldest
   * messages after it (and before {@code before}, if given with {@code after}); otherwise the newest
   * before {@code before}, or the newest.
   */
  public List<Message> page(User viewer, RoomRef room, HistoryRange range, Integer limit) {
    return page(viewer, Destination.of(room), range, limit);
  }

  /** A page of the caller's conversation with {@code username}, as for rooms. */
  public List<Message> directPage(User viewer, String username, HistoryRange range, Integer limit) {
    User other = social.other(viewer, username);
    Optional<Long> conversation = conversationStore.existingConversation(viewer.id(), other.id());
    if (conversation.isEmpty()) {
      checkLimit(limit);
      return List.of();
    }
    return page(viewer, Destination.conversation(conversation.get()), range, limit);
  }

  private List<Message> page(User viewer, Destination destination, HistoryRange range, Integer limit) {
    return read(viewer, destination, range, checkLimit(limit));
  }

  /**
   * What a joining socket is shown: the newest page, or for a client catching up every message after
   * the range's start, up to the catch-up limit; one more than that is fetched to know if there is more.
   */
  public List<Message> joinHistory(User viewer, RoomRef room, HistoryRange range) {
    return read(viewer, Destination.of(room), range, range.isCatchUp() ? catchUpLimit + 1 : DEFAULT_PAGE);
  }

  private List<Message> read(User viewer, Destination destination, HistoryRange range, int size) {
    if (range.afterSeq() != null) {
      return range.changes()
          ? history.changedAfterSeq(destination, viewer.id(), range.afterSeq(), size)
          : history.oldestAfterSeq(destination, viewer.id(), range.afterSeq(), size);
    }
    long upper = range.before() == null ? Long.MAX_VALUE : range.before();
    return range.after() == null
        ? history.newest(destination, viewer.id(), upper, size)
        : history.oldestAfter(destination, viewer.id(), range.after(), upper, size);
  }

  public int catchUpLimit() {
    return catchUpLimit;
  }

  private long conversation(long a, long b) {
    List<Long> pair = List.of(Math.min(a, b), Math.max(a, b));
    Long cached = conversations.get(pair);
    if (cached != null) {
      return cached;
    }
    long id = conversationStore.conversation(a, b);
    conversations.put(pair, id);
    return id;
  }

  private static int checkLimit(Integer limit) {
    int size = limit == null ? DEFAULT_PAGE : limit;
    if (size < 1 || size > MAX_PAGE) {
      throw ChatException.invalid("limit must be 1 to " + MAX_PAGE);
    }
    return size;
  }

  private void checkText(String text, String clientId, List<Long> files) {
    InputText.plain("clientId", clientId);
    if (clientId != null && (clientId.isEmpty() || clientId.length() > MAX_CLIENT_ID)) {
      throw ChatException.invalid("clientId must be 1 to 64 characters");
    }
    this.text.check(text, files != null && !files.isEmpty());
  }
}
