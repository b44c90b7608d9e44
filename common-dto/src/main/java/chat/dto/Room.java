package chat.dto;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;

/**
 * A chat room; {@code online} counts the users in it right now. A private room ({@code "private":
 * true}) is seen by its members only; {@code role} is the reader's in it, for a member: {@code owner},
 * {@code moderator} or {@code member}.
 */
public record Room(
    long id,
    String name,
    String createdBy,
    Instant createdAt,
    int online,
    @JsonbProperty("private") Boolean privateRoom,
    String role) {

  /** A public room, as anyone sees it. */
  public Room(long id, String name, String createdBy, Instant createdAt, int online) {
    this(id, name, createdBy, createdAt, online, null, null);
  }

  @JsonbCreator
  public Room {}

  public boolean isPrivate() {
    return Boolean.TRUE.equals(privateRoom);
  }
}
