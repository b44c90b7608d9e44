package chat.dto;

/** The body of the friend and block routes: {@code {"username": ...}}. */
public record UserName(String username) {}
