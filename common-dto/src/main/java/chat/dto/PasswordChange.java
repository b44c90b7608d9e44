package chat.dto;

/** {@code POST /api/account/password}: the current password, and the new one. */
public record PasswordChange(String current, String password) {}
