package chat.dto;

/** The answer to a notify: how many of the user's sockets, on every node, it was handed to. */
public record Delivered(int sockets) {}
