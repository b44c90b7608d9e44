package chat.dto;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;

/** {@code POST /api/rooms}: a room's name, and whether it is private (seen by its members only). */
public record CreateRoom(String name, @JsonbProperty("private") Boolean privateRoom) {

  public CreateRoom(String name) {
    this(name, null);
  }

  @JsonbCreator
  public CreateRoom {}
}
