package chat.dto;

/** {@code POST /api/account/read}: the room, or the conversation {@code with} a user, read up to {@code seq}. */
public record ReadMark(String room, String with, Long seq) {}
