package chat.server.events;

/**
 * A frame for every socket of one user, whose nodes each answer how many sockets took it
 * ({@link NoticeTaken}), so the one who asked learns whether the user was online.
 */
public record Notice(String requestId, long userId, String frame) implements ChatEvent {}
