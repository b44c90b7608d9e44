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
import chat.server.events.ChatEvent;
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
import java.util.logging.Level;
import java.util.logging.Logger;

/** Posting to rooms and friends, deleting, and reading history. */
@ApplicationScoped
public class MessageService {

  private static final Logger LOG = Logger.getLogger(MessageService.class.getName());
  private static final int DEFAULT_PAGE = 50;
  private static final int MAX_PAGE = 200;
  private static final int MAX_CLIENT_ID = 64;

  private MessageWriter writer;
  private MessageStore store;
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
      MessageStore store,
      ChatEvents events,
      SocialService social,
      RateLimits limits,
      ChatConfig config) {
    this.writer = writer;
    this.store = store;
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
   * Stores a message, then sends it to everyone in the room, the sender's sockets included (their
   * acknowledgement). A repeat of a {@code clientId} is not stored again; the original is sent to the
   * room again, since the first sending may never have happened (a node that died after the commit, a
   * commit whose answer timed out), and clients drop a seq they have.
   *
   * @return the original, for the caller to give back to the sender alone, when the clientId was used
   *     before in another channel: it is not sent to this one
   */
  public CompletionStage<Optional<Message>> post(User sender, RoomRef room, String text, String clientId) {
    return toRoom(sender, room, text, clientId)
        .thenApply(sent -> sent.senderAlone() ? Optional.of(sent.message()) : Optional.empty());
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
    return toRoom(service, room, text, clientId).thenApply(Sent::message);
  }

  /** A message stored, and whether it is for its sender alone (not passed on to the channel). */
  private record Sent(Message message, boolean senderAlone) {}

  private CompletionStage<Sent> toRoom(User sender, RoomRef room, String text, String clientId) {
    checkText(text, clientId);
    return writer
        .submit(new NewMessage(Destination.of(room), sender, text, clientId))
        .thenApply(
            posted -> {
              Message message = posted.message();
              if (posted.repeat() && !room.name().equals(message.room())) {
                return new Sent(message, true);
              }
              String frame = WireJson.toJson(new ServerFrame.ChatMessagePosted(message));
              boolean alone = passOn(RoomEvent.message(room.id(), message.id(), sender.id(), frame), message).isPresent();
              return new Sent(message, alone);
            });
  }

  /**
   * Stores a direct message to a friend, then sends it to every socket of both; a repeat, and the
   * answer, as for rooms.
   */
  public CompletionStage<Optional<Message>> postDirect(User sender, String to, String text, String clientId) {
    checkText(text, clientId);
    User recipient = social.other(sender, to);
    if (!social.friends(sender.id(), recipient.id())) {
      throw ChatException.forbidden(
          "direct messages go to friends only; ask " + recipient.username() + " first");
    }
    Destination destination = Destination.direct(conversation(sender.id(), recipient.id()), recipient.username());
    return writer
        .submit(new NewMessage(destination, sender, text, clientId))
        .thenApply(
            posted -> {
              Message message = posted.message();
              if (posted.repeat() && !recipient.username().equals(message.to())) {
                return Optional.of(message);
              }
              String frame = WireJson.toJson(new ServerFrame.DirectMessagePosted(message));
              return passOn(new UserEvent(List.of(sender.id(), recipient.id()), sender.id(), frame), message);
            });
  }

  /**
   * Passes a stored message on to its channel, the sender's sockets included. As a rule this runs inside
   * the writer's batch and the event joins the batch's one grid message (ChatEvents.together). A batch
   * that was answered before this stage was attached publishes on the caller's thread instead, and when
   * the grid will not take it (the node is stopping), the sender alone is answered: it is stored, and
   * the others see the gap at the channel's next message and fetch it (docs/decisions/0015).
   */
  private Optional<Message> passOn(ChatEvent event, Message message) {
    try {
      events.publish(event);
      return Optional.empty();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "message " + message.id() + " was stored but could not be passed on", e);
      return Optional.of(message);
    }
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
        store.deletable(messageId).orElseThrow(() -> ChatException.notFound("no message " + messageId));
    if (message.senderId() != caller.id() && caller.role() != Role.ADMIN) {
      throw ChatException.forbidden("only its author or an administrator may delete a message");
    }
    if (!store.delete(messageId, caller.id())) {
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
    events.publish(UserEvent.to(message.lowId(), WireJson.toJson(toLow)));
    events.publish(UserEvent.to(message.highId(), WireJson.toJson(toHigh)));
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
    Optional<Long> conversation = store.existingConversation(viewer.id(), other.id());
    if (conversation.isEmpty()) {
      checkLimit(limit);
      return List.of();
    }
    return page(viewer, Destination.direct(conversation.get(), null), range, limit);
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
      return store.oldestAfterSeq(destination, viewer.id(), range.afterSeq(), size);
    }
    long upper = range.before() == null ? Long.MAX_VALUE : range.before();
    return range.after() == null
        ? store.newest(destination, viewer.id(), upper, size)
        : store.oldestAfter(destination, viewer.id(), range.after(), upper, size);
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
    long id = store.conversation(a, b);
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
