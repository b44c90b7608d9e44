package chat.dto;

/** {@code POST /api/rooms}. */
public record CreateRoom(String name) {}
