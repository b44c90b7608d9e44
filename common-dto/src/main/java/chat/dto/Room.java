package chat.dto;

import java.time.Instant;

/** A chat room; {@code online} counts the users in it right now. */
public record Room(long id, String name, String createdBy, Instant createdAt, int online) {}
