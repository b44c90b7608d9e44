package chat.server.events;

/** One node's answer to a {@link Notice}: how many of its sockets took the frame. */
public record NoticeTaken(String requestId, int sockets) implements ChatEvent {}
