package chat.server.events;

import java.util.List;

/**
 * A user was banned or unbanned, with the addresses banned or freed with them: every node updates its
 * ban list, and closes the user's sockets it holds when banned.
 */
public record BanChanged(long userId, boolean banned, String reason, List<String> addresses)
    implements ChatEvent {

  public BanChanged {
    addresses = List.copyOf(addresses);
  }
}
