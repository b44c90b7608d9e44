package chat.client;

import chat.dto.User;
import java.time.Instant;

/** Where a {@link ChatConnection} stands, as a status bar shows it. */
public sealed interface ConnectionState {

  /** Opening the socket, before the server's {@code welcome}. */
  record Connecting(int attempt) implements ConnectionState {}

  /** Welcomed by {@code node}, which now serves {@code user}. */
  record Connected(String node, User user) implements ConnectionState {}

  /** The socket was lost ({@code reason}); the next attempt is at {@code retryAt}. */
  record Reconnecting(Instant retryAt, int attempt, String reason) implements ConnectionState {}

  /** The server no longer accepts the token: log in again. Final. */
  record LoggedOut(String reason) implements ConnectionState {}

  /** The user or their address is banned. Final. */
  record Banned(String reason) implements ConnectionState {}

  /** Closed by this client. Final. */
  record Closed() implements ConnectionState {}

  default boolean isFinal() {
    return this instanceof LoggedOut || this instanceof Banned || this instanceof Closed;
  }
}
