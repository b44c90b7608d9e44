package chat.dto;

/**
 * {@code POST /api/rooms/{name}/silence}: a member of the room whose messages there are refused for
 * {@code minutes}; 0 lifts it.
 */
public record Silence(String username, Integer minutes) {}
