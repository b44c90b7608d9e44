package chat.dto;

import java.util.List;

/** {@code GET /api/rooms/{name}/users}: a user in the room now, and the nodes their sockets are on. */
public record RoomOccupant(User user, List<String> nodes) {}
