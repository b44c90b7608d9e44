package chat.server.message;

import chat.dto.ErrorCode;
import chat.dto.Message;
import chat.dto.ServerFrame;
import chat.dto.User;
import chat.dto.WireJson;
import chat.server.events.ChatEvents;
import chat.server.events.RoomEvent;
import chat.server.platform.ChatConfig;
import chat.server.platform.ChatException;
import chat.server.room.RoomRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Posting to rooms and reading their history. */
@ApplicationScoped
public class MessageService {

  public static final int DEFAULT_PAGE = 50;
  public static final int MAX_PAGE = 200;
  private static final int MAX_CLIENT_ID = 64;

  private MessageWriter writer;
  private MessageStore store;
  private ChatEvents events;
  private int maxText;
  private int catchUpLimit;

  protected MessageService() {}

  @Inject
  MessageService(MessageWriter writer, MessageStore store, ChatEvents events, ChatConfig config) {
    this.writer = writer;
    this.store = store;
    this.events = events;
    this.maxText = config.maxTextLength();
    this.catchUpLimit = config.catchUpLimit();
  }

  /**
   * Stores a message, then sends it to everyone in the room. A repeat of a {@code clientId} is not
   * stored or sent again: the caller gets the original to give back to the sender alone.
   */
  public CompletionStage<Posted> post(User sender, RoomRef room, String text, String clientId) {
    checkText(text);
    if (clientId != null && (clientId.isEmpty() || clientId.length() > MAX_CLIENT_ID)) {
      throw ChatException.invalid("clientId must be 1 to 64 characters");
    }
    return writer
        .submit(new NewMessage(room.id(), room.name(), sender, text, clientId))
        .thenApply(
            posted -> {
              if (!posted.repeat()) {
                Message message = posted.message();
                String frame = WireJson.toJson(new ServerFrame.ChatMessagePosted(message));
                events.publish(RoomEvent.message(room.id(), message.id(), frame));
              }
              return posted;
            });
  }

  /**
   * A page of a room's history in ascending id order: with {@code after}, the oldest messages after it
   * (and before {@code before}, if given); otherwise the newest before {@code before}, or the newest.
   */
  public List<Message> page(long roomId, Long before, Long after, Integer limit) {
    int size = limit == null ? DEFAULT_PAGE : limit;
    if (size < 1 || size > MAX_PAGE) {
      throw ChatException.invalid("limit must be 1 to " + MAX_PAGE);
    }
    long upper = before == null ? Long.MAX_VALUE : before;
    try {
      return after == null
          ? store.newest(roomId, upper, size)
          : store.oldestAfter(roomId, after, upper, size);
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  /**
   * What a joining socket is shown: the newest page, or for a client catching up every message after
   * {@code after}, up to the catch-up limit; one more than that is fetched to know if there is more.
   */
  public List<Message> joinHistory(long roomId, Long after) {
    try {
      return after == null
          ? store.newest(roomId, Long.MAX_VALUE, DEFAULT_PAGE)
          : store.oldestAfter(roomId, after, Long.MAX_VALUE, catchUpLimit + 1);
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  public int catchUpLimit() {
    return catchUpLimit;
  }

  private void checkText(String text) {
    if (text == null || text.isBlank()) {
      throw ChatException.invalid("a message needs some text");
    }
    if (text.codePointCount(0, text.length()) > maxText) {
      throw new ChatException(
          ErrorCode.PAYLOAD_TOO_LARGE, "a message is at most " + maxText + " characters");
    }
  }

  private static ChatException unavailable(SQLException e) {
    return new ChatException(ErrorCode.UNAVAILABLE, "history is unavailable right now: " + e.getMessage());
  }
}
