package chat.dto;

/** A user as every client sees one. */
public record User(long id, String username, Role role) {}
