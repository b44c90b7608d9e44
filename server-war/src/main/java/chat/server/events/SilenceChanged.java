package chat.server.events;

/**
 * A moderator silenced a member in a room until {@code untilMillis} (epoch milliseconds), or lifted it
 * (a time already past): each node keeps it, so a message is checked without asking the database.
 */
public record SilenceChanged(long roomId, long userId, long untilMillis) implements ChatEvent {}
