package chat.server.events;

/**
 * A user blocked or unblocked another: each node updates the sockets of the blocker it holds, so the
 * filter runs where frames are delivered without asking the database per frame.
 */
public record BlockChanged(long blockerId, long blockedId, boolean blocked) implements ChatEvent {}
