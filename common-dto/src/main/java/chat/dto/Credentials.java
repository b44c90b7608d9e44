package chat.dto;

/** What {@code POST /api/signup} and {@code POST /api/login} take. */
public record Credentials(String username, String password) {}
