package chat.dto;

/** {@code POST /api/users/ban}: with {@code ip}, every address the user was seen at is banned too. */
public record BanRequest(String username, Boolean ip, String reason) {}
