package chat.server.events;

/** A frame for every socket of every node (an administrator's ping). */
public record Broadcast(String frame) implements ChatEvent {}
