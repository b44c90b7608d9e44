package chat.server.events;

import chat.dto.User;
import java.util.List;

/**
 * A user's profile changed: every node keeps the new one (the larger {@code version} wins over what it
 * read before), updates the user's sockets it holds, and hands {@code frame} ({@code identity_changed})
 * to every socket of the {@code audience}: those who share a room with the user, their friends, and
 * the user.
 */
public record IdentityChanged(User user, int version, List<Long> audience, String frame) implements ChatEvent {

  public IdentityChanged {
    audience = List.copyOf(audience);
  }
}
