package chat.dto;

import java.util.List;

/**
 * {@code GET /api/rooms/{name}/members}: a page of a room's members by username, ignoring case;
 * {@code more} is true when there are more after the last (asked for with {@code after} set to its
 * username).
 */
public record MemberPage(List<RoomMember> members, Boolean more) {

  public boolean hasMore() {
    return Boolean.TRUE.equals(more);
  }
}
