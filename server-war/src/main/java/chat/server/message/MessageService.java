package chat.server.message;

import chat.dto.ErrorCode;
import chat.dto.Limits;
import chat.dto.Message;
import chat.dto.Role;
import chat.dto.ServerFrame;
import chat.dto.User;
import chat.dto.WireJson;
import chat.server.config.ChatConfig;
import chat.server.error.ChatException;
import chat.server.events.ChatEvents;
import chat.server.events.RoomEvent;
import chat.server.events.UserEvent;
import chat.server.input.InputText;
import chat.server.ratelimit.RateLimits;
import chat.server.room.RoomRef;
import chat.server.social.SocialService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** Posting to rooms and friends, deleting, and reading history. */
@ApplicationScoped
public class MessageService {

  private static final int DEFAULT_PAGE = 50;
  private static final int MAX_PAGE = 200;
  private static final int MAX_CLIENT_ID = 64;

  private MessageWriter writer;
  private HistoryStore history;
  private ConversationStore conversationStore;
  private DeletionStore deletions;
  private ChatEvents events;
  private SocialService social;
  private RateLimits limits;
  /** Conversation ids by the pair's ids, lower first: a conversation's id never changes. */
  private final Map<List<Long>, Long> conversations = new ConcurrentHashMap<>();
  private int maxText;
  private int catchUpLimit;

  protected MessageService() {}

  @Inject
  MessageService(
      MessageWriter writer,
      HistoryStore history,
      ConversationStore conversationStore,
      DeletionStore deletions,
      ChatEvents events,
      SocialService social,
      RateLimits limits,
      ChatConfig config) {
    this.writer = writer;
    this.history = history;
    this.conversationStore = conversationStore;
    this.deletions = deletions;
    this.events = events;
    this.social = social;
    this.limits = limits;
    this.maxText = config.maxTextLength();
    this.catchUpLimit = config.catchUpLimit();
  }

  /** The numbers a client keeps to, told in {@code welcome} and by {@code GET /api/limits}. */
  public Limits limits() {
    return new Limits(maxText, DEFAULT_PAGE, MAX_PAGE, limits.rates());
  }

  /**
   * Stores a message; the writer then sends it to everyone in the room, the sender's sockets included
   * (their acknowledgement), and a repeat of a {@code clientId}, not stored again, as {@link FanOut} says.
   * The outcome says whether the sender is still to be answered alone.
   */
  public CompletionStage<PostOutcome> post(User sender, RoomRef room, String text, String clientId) {
    checkText(text, clientId);
    return writer.submit(new NewMessage(Destination.of(room), sender, text, clientId));
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
    return post(service, room, text, clientId).thenApply(PostOutcome::message);
  }

  /** Stores a direct message to a friend, which is then sent to every socket of both, as for rooms. */
  public CompletionStage<PostOutcome> postDirect(User sender, String to, String text, String clientId) {
    checkText(text, clientId);
    User recipient = social.other(sender, to);
    if (!social.friends(sender.id(), recipient.id())) {
      throw ChatException.forbidden(
          "direct messages go to friends only; ask " + recipient.username() + " first");
    }
    Destination destination = Destination.direct(conversation(sender.id(), recipient.id()), recipient);
    return writer.submit(new NewMessage(destination, sender, text, clientId));
  }

  /**
   * Deletes a message for everyone: its author or an administrator may. Those who could see it are told
   * on every node; it is gone from history and catch-up.
   */
  public void delete(User caller, Long messageId) {
    if (messageId == null) {
      throw ChatException.invalid("which message? send its id");
    }
    limits.deletions().acquire(caller.id());
    Deletable message =
        deletions.deletable(messageId).orElseThrow(() -> ChatException.notFound("no message " + messageId));
    if (message.senderId() != caller.id() && caller.role() != Role.ADMIN) {
      throw ChatException.forbidden("only its author or an administrator may delete a message");
    }
    if (!deletions.delete(messageId, caller.id())) {
      throw ChatException.notFound("no message " + messageId);
    }
    announceDeletion(message);
  }

  private void announceDeletion(Deletable message) {
    if (message.room() != null) {
      String frame = WireJson.toJson(new ServerFrame.MessageDeleted(message.id(), message.room(), null));
      events.publish(RoomEvent.notice(message.roomId(), frame));
      return;
    }
    // In a conversation each side is told whom the conversation is with: the other one.
    ServerFrame toLow = new ServerFrame.MessageDeleted(message.id(), null, message.highName());
    ServerFrame toHigh = new ServerFrame.MessageDeleted(message.id(), null, message.lowName());
    events.publishAll(
        List.of(UserEvent.to(message.lowId(), WireJson.toJson(toLow)), UserEvent.to(message.highId(), WireJson.toJson(toHigh))));
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
      return history.oldestAfterSeq(destination, viewer.id(), range.afterSeq(), size);
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

  private void checkText(String text, String clientId) {
    InputText.plain("clientId", clientId);
    InputText.multiline("text", text);
    if (clientId != null && (clientId.isEmpty() || clientId.length() > MAX_CLIENT_ID)) {
      throw ChatException.invalid("clientId must be 1 to 64 characters");
    }
    if (text == null || text.isBlank()) {
      throw ChatException.invalid("a message needs some text");
    }
    if (text.codePointCount(0, text.length()) > maxText) {
      throw new ChatException(
          ErrorCode.PAYLOAD_TOO_LARGE, "a message is at most " + maxText + " characters");
    }
  }
}
