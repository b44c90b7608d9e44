package chat.server.events;

/**
 * A user is no longer a member of a room, whichever device left it: every socket of theirs, on every
 * node, leaves the room and is sent {@code frame} ({@code membership}, {@code member: false}).
 */
public record MembershipEnded(long userId, long roomId, String frame) implements ChatEvent {}
