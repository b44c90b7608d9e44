package chat.dto;

/** {@code POST /api/account/mute}: the room, or the conversation {@code with} a user, muted or not. */
public record MuteChange(String room, String with, Boolean muted) {}
