package chat.server.events;

import java.util.List;

/**
 * A frame for every socket of some users, wherever they are connected (a direct message, a friend
 * request, a deletion in a conversation).
 *
 * @param fromUserId whose act it is, so a socket whose user blocks them drops it; 0 for nobody's
 */
public record UserEvent(List<Long> userIds, long fromUserId, String frame) implements ChatEvent {

  public UserEvent {
    userIds = List.copyOf(userIds);
  }

  public static UserEvent to(long userId, String frame) {
    return new UserEvent(List.of(userId), 0, frame);
  }
}
