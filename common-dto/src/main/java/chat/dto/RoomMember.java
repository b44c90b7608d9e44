package chat.dto;

import java.time.Instant;

/**
 * One member of a room, as {@code GET /api/rooms/{name}/members} lists them: their {@code role} there
 * ({@code owner}, {@code moderator} or {@code member}), whether they are in the room now, and, for a
 * reader who moderates the room or for the member themselves, until when a moderator silenced them.
 */
public record RoomMember(User user, String role, boolean online, Instant silencedUntil) {}
